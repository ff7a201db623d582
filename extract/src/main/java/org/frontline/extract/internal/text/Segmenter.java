package org.frontline.extract.internal.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts text into paragraphs (lines), sentences and tokens with ICU's break iterators for one
 * language. Thread-safe: each call works on its own clones of the iterators.
 */
public final class Segmenter {

    /** English clitics stay with the apostrophe ("Russia" + "'s"); elisions keep it ("dell'" + "Ucraina"). */
    private static final Set<String> CLITICS = Set.of("s", "t", "re", "ve", "ll", "d", "m");
    private static final int WORD_STATUS_NONE_LIMIT = 100;
    private static final int WORD_STATUS_NUMBER_LIMIT = 200;
    /** One-character strings of ASCII, shared by the punctuation tokens. */
    private static final String[] ASCII = new String[128];

    static {
        for (char c = 0; c < ASCII.length; c++) {
            ASCII[c] = String.valueOf(c);
        }
    }

    private final BreakIterator sentencePrototype;
    private final BreakIterator wordPrototype;
    private final Vocabulary vocabulary = new Vocabulary();

    public Segmenter(String language) {
        ULocale locale = new ULocale(language);
        this.sentencePrototype = BreakIterator.getSentenceInstance(locale);
        this.wordPrototype = BreakIterator.getWordInstance(locale);
    }

    /** The words of this language's lexicons; filled while they load. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public Document segment(String text) {
        BreakIterator sentenceBreaks = sentencePrototype.clone();
        BreakIterator wordBreaks = wordPrototype.clone();
        List<int[]> paragraphs = paragraphs(text);
        List<Sentence> sentences = new ArrayList<>();
        for (int p = 0; p < paragraphs.size(); p++) {
            int paragraphStart = paragraphs.get(p)[0];
            int paragraphEnd = paragraphs.get(p)[1];
            List<Token> tokens = tokens(wordBreaks, text, paragraphStart, paragraphEnd);
            // The iterator reads the paragraph in place; its boundaries are offsets in the whole text.
            sentenceBreaks.setText(new StringCharacterIterator(text, paragraphStart, paragraphEnd, paragraphStart));
            int first = 0;
            for (int end = sentenceBreaks.next(); end != BreakIterator.DONE; end = sentenceBreaks.next()) {
                int last = first;
                while (last < tokens.size() && tokens.get(last).start() < end) {
                    last++;
                }
                if (last > first) {
                    List<Token> sentence = List.copyOf(tokens.subList(first, last));
                    sentences.add(new Sentence(sentences.size(), p, sentence.get(0).start(),
                            sentence.get(sentence.size() - 1).end(), sentence));
                }
                first = last;
            }
        }
        return new Document(text, List.copyOf(paragraphs), List.copyOf(sentences));
    }

    /** Tokens of a short phrase, as lexicon entries are matched against running text. */
    public List<Token> tokenize(String phrase) {
        return tokens(wordPrototype.clone(), phrase, 0, phrase.length());
    }

    private static List<int[]> paragraphs(String text) {
        List<int[]> paragraphs = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (!isBlank(text, start, end)) {
                paragraphs.add(new int[] {start, end});
            }
            start = end + 1;
        }
        return paragraphs;
    }

    private List<Token> tokens(BreakIterator wordBreaks, String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        wordBreaks.setText(new StringCharacterIterator(text, from, to, from));
        int start = wordBreaks.first();
        for (int end = wordBreaks.next(); end != BreakIterator.DONE; start = end, end = wordBreaks.next()) {
            int status = wordBreaks.getRuleStatus();
            if (status < WORD_STATUS_NONE_LIMIT) {
                addPunctuation(tokens, text, start, end);
            } else if (status < WORD_STATUS_NUMBER_LIMIT) {
                tokens.add(token(text.substring(start, end), start, Token.Kind.NUMBER));
            } else {
                addWord(tokens, text.substring(start, end), start);
            }
        }
        return tokens;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Each mark of a piece the word rules leave out is a token of its own; spaces are dropped. */
    private void addPunctuation(List<Token> tokens, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                tokens.add(token(c < ASCII.length ? ASCII[c] : String.valueOf(c), i, Token.Kind.PUNCT));
            }
        }
    }

    /** Splits "300mila" into number and word, and elisions at the apostrophe ("dell'", "'s"). */
    private void addWord(List<Token> tokens, String piece, int offset) {
        int digits = 0;
        while (digits < piece.length() && Character.isDigit(piece.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < piece.length()) {
            tokens.add(token(piece.substring(0, digits), offset, Token.Kind.NUMBER));
            addWord(tokens, piece.substring(digits), offset + digits);
            return;
        }
        int apostrophe = apostrophe(piece);
        if (apostrophe > 0 && apostrophe < piece.length() - 1) {
            String after = piece.substring(apostrophe + 1).toLowerCase(Locale.ROOT);
            int cut = CLITICS.contains(after) ? apostrophe : apostrophe + 1;
            tokens.add(token(piece.substring(0, cut), offset, Token.Kind.WORD));
            tokens.add(token(piece.substring(cut), offset + cut, Token.Kind.WORD));
            return;
        }
        tokens.add(token(piece, offset, Token.Kind.WORD));
    }

    private static int apostrophe(String piece) {
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (c == '\'' || c == '\u2019') {
                return i;
            }
        }
        return -1;
    }

    private Token token(String text, int start, Token.Kind kind) {
        String norm = isPlainLowerCase(text) ? text : text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        long[] masks = vocabulary.masksOf(norm);
        return new Token(text, norm, start, start + text.length(), kind, masks[0], masks[1]);
    }

    /** Only ASCII characters that lower-casing leaves alone: the text is its own normal form. */
    private static boolean isPlainLowerCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0080' || c >= 'A' && c <= 'Z') {
                return false;
            }
        }
        return true;
    }
}
