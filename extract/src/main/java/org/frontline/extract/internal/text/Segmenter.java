package org.frontline.extract.internal.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSet.SpanCondition;
import com.ibm.icu.util.ULocale;

import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.Arrays;
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
    /**
     * Where UAX #29 may end a sentence: after a terminator (ATerm, STerm) or a paragraph separator. Surrogates
     * are in too, so that a terminator outside the BMP sends the paragraph to the sentence iterator.
     */
    private static final UnicodeSet SENTENCE_ENDS = new UnicodeSet("[[:Sentence_Break=ATerm:]"
            + "[:Sentence_Break=STerm:][:Sentence_Break=Sep:][:Sentence_Break=CR:][:Sentence_Break=LF:]"
            + "[\\uD800-\\uDFFF]]").freeze();
    private static final UnicodeSet TERMINATORS =
            new UnicodeSet("[[:Sentence_Break=ATerm:][:Sentence_Break=STerm:]]").freeze();
    private static final UnicodeSet CLOSE = new UnicodeSet("[:Sentence_Break=Close:]").freeze();
    private static final UnicodeSet SPACE = new UnicodeSet("[:Sentence_Break=Sp:]").freeze();
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

    /**
     * Cuts the text. The word iterator runs once over the whole text rather than once per paragraph: UAX #29
     * always breaks before and after a line feed (WB3a, WB3b), so no word crosses a paragraph's newline and
     * each paragraph gets the boundaries it would get on its own. The one piece that can span the newline is
     * "\r\n" (WB3), which is blank and makes no token. SegmenterTest checks this against ICU per paragraph.
     */
    public Document segment(String text) {
        BreakIterator sentenceBreaks = sentencePrototype.clone();
        List<int[]> paragraphs = paragraphs(text);
        List<Token> tokens = tokens(wordPrototype.clone(), text, 0, text.length());
        List<Sentence> sentences = new ArrayList<>();
        int first = 0;
        for (int p = 0; p < paragraphs.size(); p++) {
            int paragraphStart = paragraphs.get(p)[0];
            int paragraphEnd = paragraphs.get(p)[1];
            while (first < tokens.size() && tokens.get(first).start() < paragraphStart) {
                first++;
            }
            for (int end : sentenceEnds(sentenceBreaks, text, paragraphStart, paragraphEnd)) {
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

    /**
     * The offsets where the paragraph's sentences end, from ICU's sentence iterator. Most paragraphs of news
     * are one sentence, and the iterator costs as much per character as the word iterator, so a paragraph
     * where {@link #isOneSentence} proves that the iterator can only break at its end is not given to it.
     */
    private static int[] sentenceEnds(BreakIterator sentenceBreaks, String text, int from, int to) {
        if (isOneSentence(text, from, to)) {
            return new int[] {to};
        }
        // The iterator reads the paragraph in place; its boundaries are offsets in the whole text.
        sentenceBreaks.setText(new StringCharacterIterator(text, from, to, from));
        int[] ends = new int[8];
        int count = 0;
        for (int end = sentenceBreaks.next(); end != BreakIterator.DONE; end = sentenceBreaks.next()) {
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            ends[count++] = end;
        }
        return Arrays.copyOf(ends, count);
    }

    /**
     * True when UAX #29, which ICU's sentence iterator follows, cannot break {@code text[from, to)} anywhere
     * but at its end. Its rules break only after a paragraph separator (SB4) or after a terminator with the
     * closing marks and spaces that follow it (SB11); so a paragraph with no terminator or separator is one
     * sentence, and so is one whose first terminator starts a tail of terminators, each followed by closing
     * marks then spaces ("killed.", "said?!\u201D", "Inc. .") that runs to its end: SB8a, SB9 and SB10 keep
     * such a tail together. Anything else ("left. “We", a terminator outside the BMP) is left to ICU.
     * The span stops at the paragraph's newline, which is a separator.
     */
    static boolean isOneSentence(String text, int from, int to) {
        int i = SENTENCE_ENDS.span(text, from, SpanCondition.NOT_CONTAINED);
        while (i < to) {
            if (!TERMINATORS.contains(text.charAt(i))) {
                return false;
            }
            i++;
            while (i < to && CLOSE.contains(text.charAt(i))) {
                i++;
            }
            while (i < to && SPACE.contains(text.charAt(i))) {
                i++;
            }
        }
        return true;
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
        List<Token> tokens = new ArrayList<>((to - from) / 5 + 4);
        wordBreaks.setText(new StringCharacterIterator(text, from, to, from));
        int start = wordBreaks.first();
        for (int end = wordBreaks.next(); end != BreakIterator.DONE; start = end, end = wordBreaks.next()) {
            int status = wordBreaks.getRuleStatus();
            if (status < WORD_STATUS_NONE_LIMIT) {
                addPunctuation(tokens, text, start, end);
            } else if (status < WORD_STATUS_NUMBER_LIMIT) {
                tokens.add(token(text, start, end, Token.Kind.NUMBER));
            } else {
                addWord(tokens, text, start, end);
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
                String mark = c < ASCII.length ? ASCII[c] : String.valueOf(c);
                String norm = c == '\u2019' ? "'" : mark;
                long[] masks = vocabulary.masksOf(norm);
                tokens.add(new Token(mark, norm, i, i + 1, Token.Kind.PUNCT, masks[0], masks[1]));
            }
        }
    }

    /** Splits "300mila" into number and word, and elisions at the apostrophe ("dell'", "'s"). */
    private void addWord(List<Token> tokens, String text, int start, int end) {
        int digitsEnd = start;
        while (digitsEnd < end && Character.isDigit(text.charAt(digitsEnd))) {
            digitsEnd++;
        }
        if (digitsEnd > start && digitsEnd < end) {
            tokens.add(token(text, start, digitsEnd, Token.Kind.NUMBER));
            addWord(tokens, text, digitsEnd, end);
            return;
        }
        int apostrophe = apostrophe(text, start, end);
        if (apostrophe > start && apostrophe < end - 1) {
            int cut = isClitic(text, apostrophe + 1, end) ? apostrophe : apostrophe + 1;
            tokens.add(token(text, start, cut, Token.Kind.WORD));
            tokens.add(token(text, cut, end, Token.Kind.WORD));
            return;
        }
        tokens.add(token(text, start, end, Token.Kind.WORD));
    }

    private static int apostrophe(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '\u2019') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isClitic(String text, int start, int end) {
        return end - start <= 2 && CLITICS.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
    }

    private Token token(String text, int start, int end, Token.Kind kind) {
        String word = text.substring(start, end);
        String norm = isPlainLowerCase(word) ? word : word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        long[] masks = vocabulary.masksOf(norm);
        return new Token(word, norm, start, end, kind, masks[0], masks[1]);
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
