package org.frontline.extract.internal.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

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
            sentenceBreaks.setText(text.substring(paragraphStart, paragraphEnd));
            int first = 0;
            for (int end = sentenceBreaks.next(); end != BreakIterator.DONE; end = sentenceBreaks.next()) {
                int last = first;
                while (last < tokens.size() && tokens.get(last).start() < paragraphStart + end) {
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
            if (!text.substring(start, end).isBlank()) {
                paragraphs.add(new int[] {start, end});
            }
            start = end + 1;
        }
        return paragraphs;
    }

    private List<Token> tokens(BreakIterator wordBreaks, String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        String span = text.substring(from, to);
        wordBreaks.setText(span);
        int start = wordBreaks.first();
        for (int end = wordBreaks.next(); end != BreakIterator.DONE; start = end, end = wordBreaks.next()) {
            int status = wordBreaks.getRuleStatus();
            String piece = span.substring(start, end);
            if (status < WORD_STATUS_NONE_LIMIT) {
                if (!piece.isBlank()) {
                    addPunctuation(tokens, piece, from + start);
                }
            } else if (status < WORD_STATUS_NUMBER_LIMIT) {
                tokens.add(token(piece, from + start, Token.Kind.NUMBER));
            } else {
                addWord(tokens, piece, from + start);
            }
        }
        return tokens;
    }

    private void addPunctuation(List<Token> tokens, String piece, int offset) {
        for (int i = 0; i < piece.length(); i++) {
            if (!Character.isWhitespace(piece.charAt(i))) {
                tokens.add(token(piece.substring(i, i + 1), offset + i, Token.Kind.PUNCT));
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
        String norm = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return new Token(text, norm, start, start + text.length(), kind, vocabulary.firstsOf(norm),
                vocabulary.lastsOf(norm));
    }
}
