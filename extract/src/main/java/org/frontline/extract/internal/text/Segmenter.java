package org.frontline.extract.internal.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSet.SpanCondition;
import com.ibm.icu.util.ULocale;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Cuts text into paragraphs (lines), sentences and tokens with ICU's break iterators for one
 * language. Thread-safe: each call works on its own clones of the iterators.
 */
public final class Segmenter {

    /** English clitics stay with the apostrophe ("Russia" + "'s"); elisions keep it ("dell'" + "Ucraina"). */
    private static final int WORD_STATUS_NONE_LIMIT = 100;
    private static final int WORD_STATUS_NUMBER_LIMIT = 200;
    /**
     * The most tokens a sentence may have. The rules read a figure's or a quotation's sentence, so their cost per
     * token grows with its length; a run of text with no terminator (a table, a list of a thousand tolls) would
     * make that cost grow with the article. News sentences stay far below: the longest of the dev corpus has 95.
     */
    static final int MAX_SENTENCE_TOKENS = 200;
    /** Where a longer run is cut: after the last clause mark of its second half, or else at the limit. */
    private static final String CLAUSE_MARKS = ";:,";
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
    /** Clitics of the language that stay with their apostrophe ("'s"), lower case: a language setting. */
    private final Set<String> clitics;

    public Segmenter(String language, Set<String> clitics) {
        this.clitics = Set.copyOf(clitics);
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
        // The iterators and the tokens read one copy of the text, without a String's checks on every read.
        char[] chars = text.toCharArray();
        Tokens tokens = tokens(text, chars);
        List<Sentence> sentences = new ArrayList<>();
        int first = 0;
        for (int p = 0; p < paragraphs.size(); p++) {
            int paragraphStart = paragraphs.get(p)[0];
            int paragraphEnd = paragraphs.get(p)[1];
            while (first < tokens.count && tokens.array[first].start() < paragraphStart) {
                first++;
            }
            for (int end : sentenceEnds(sentenceBreaks, text, chars, paragraphStart, paragraphEnd)) {
                int last = first;
                while (last < tokens.count && tokens.array[last].start() < end) {
                    last++;
                }
                while (last > first) {
                    int cut = cut(tokens.array, first, last);
                    sentences.add(new Sentence(sentences.size(), p, tokens.array[first].start(),
                            tokens.array[cut - 1].end(), new TokenSlice(tokens.array, first, cut)));
                    first = cut;
                }
            }
        }
        return new Document(text, List.copyOf(paragraphs), List.copyOf(sentences));
    }

    /**
     * Where the sentence of {@code tokens[first, last)} is cut: at {@code last} when it has at most
     * {@link #MAX_SENTENCE_TOKENS} tokens, else after the last clause mark (semicolon, colon, comma) of the
     * second half of that many, or at the limit.
     */
    private static int cut(Token[] tokens, int first, int last) {
        if (last - first <= MAX_SENTENCE_TOKENS) {
            return last;
        }
        int limit = first + MAX_SENTENCE_TOKENS;
        for (int i = limit - 1; i > first + MAX_SENTENCE_TOKENS / 2; i--) {
            String text = tokens[i].text();
            if (text.length() == 1 && CLAUSE_MARKS.indexOf(text.charAt(0)) >= 0) {
                return i + 1;
            }
        }
        return limit;
    }

    /**
     * The offsets where the paragraph's sentences end, from ICU's sentence iterator. Most paragraphs of news
     * are one sentence, and the iterator costs as much per character as the word iterator, so a paragraph
     * where {@link #isOneSentence} proves that the iterator can only break at its end is not given to it.
     */
    private static int[] sentenceEnds(BreakIterator sentenceBreaks, String text, char[] chars, int from, int to) {
        if (isOneSentence(text, from, to)) {
            return new int[] {to};
        }
        // The iterator reads the paragraph in place; its boundaries are offsets in the whole text.
        sentenceBreaks.setText(new CharArrayIterator(chars, from, to, from));
        int[] ends = new int[8];
        int count = 0;
        int start = from;
        for (int end = sentenceBreaks.next(); end != BreakIterator.DONE; end = sentenceBreaks.next()) {
            for (int joined = joinedEnd(chars, start, end); joined > 0; joined = joinedEnd(chars, joined, end)) {
                ends = append(ends, count++, joined);
            }
            ends = append(ends, count++, end);
            start = end;
        }
        return Arrays.copyOf(ends, count);
    }

    private static int[] append(int[] ends, int count, int end) {
        int[] grown = count == ends.length ? Arrays.copyOf(ends, count * 2) : ends;
        grown[count] = end;
        return grown;
    }

    /**
     * The end of a sentence that a lost space joined to the next one, in {@code chars[from, to)}: a terminator
     * after a word of two lower-case letters or more, then a capitalised word ("uccisi tre israeliani.Lunedì sera",
     * as a crawler leaves two paragraphs it ran together), with an ASCII terminator, the only ones such joins were
     * seen with. UAX #29 breaks only after a space; an abbreviation ("U.S.", "Mr.Smith") has a capital before its
     * point. The offset after the terminator, or -1.
     */
    static int joinedEnd(char[] chars, int from, int to) {
        for (int i = from + 2; i + 2 < to; i++) {
            char c = chars[i];
            if ((c == '.' || c == '!' || c == '?') && Character.isLowerCase(chars[i - 1])
                    && Character.isLowerCase(chars[i - 2]) && Character.isUpperCase(chars[i + 1])
                    && Character.isLowerCase(chars[i + 2])) {
                return i + 1;
            }
        }
        return -1;
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
        Tokens tokens = tokens(phrase, phrase.toCharArray());
        return new TokenSlice(tokens.array, 0, tokens.count);
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

    private Tokens tokens(String text, char[] chars) {
        Tokens tokens = new Tokens(text, chars);
        BreakIterator wordBreaks = wordPrototype.clone();
        wordBreaks.setText(new CharArrayIterator(chars, 0, chars.length, 0));
        int start = wordBreaks.first();
        for (int end = wordBreaks.next(); end != BreakIterator.DONE; start = end, end = wordBreaks.next()) {
            int status = wordBreaks.getRuleStatus();
            if (status < WORD_STATUS_NONE_LIMIT) {
                tokens.addPunctuation(start, end);
            } else if (status < WORD_STATUS_NUMBER_LIMIT) {
                tokens.add(start, end, Token.Kind.NUMBER, false);
            } else {
                // "israeliani.Lunedì" is one word to UAX #29: two sentences a lost space joined.
                int from = start;
                for (int joined = joinedEnd(chars, from, end); joined > 0; joined = joinedEnd(chars, from, end)) {
                    tokens.addWord(from, joined - 1);
                    tokens.addPunctuation(joined - 1, joined);
                    from = joined;
                }
                tokens.addWord(from, end);
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

    private static int apostrophe(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            if (chars[i] == '\'' || chars[i] == '\u2019') {
                return i;
            }
        }
        return -1;
    }

    private boolean isClitic(String text, int start, int end) {
        return end - start <= 2 && clitics.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
    }

    /**
     * The tokens of one text as they are made, read from a copy of it in a char array. Each token's
     * normal form is spelled into a buffer while its hash is summed, so that the vocabulary is searched without
     * a String; a lexicon word takes the vocabulary's String as its normal form, and as its text too when the
     * two are spelled alike. One per call, never shared.
     */
    private final class Tokens {

        private final String text;
        private final char[] chars;
        private Token[] array;
        private int count;
        private char[] norm = new char[32];

        Tokens(String text, char[] chars) {
            this.text = text;
            this.chars = chars;
            this.array = new Token[text.length() / 5 + 4];
        }

        /** Each mark of a piece the word rules leave out is a token of its own; spaces are dropped. */
        void addPunctuation(int from, int to) {
            for (int i = from; i < to; i++) {
                char c = chars[i];
                if (!Character.isWhitespace(c)) {
                    String mark = c < ASCII.length ? ASCII[c] : String.valueOf(c);
                    norm[0] = c == '\u2019' ? '\'' : c;
                    Vocabulary.Word word = vocabulary.find(norm, 1, norm[0]);
                    String normal = word != null ? word.norm() : c == '\u2019' ? ASCII['\''] : mark;
                    add(mark, normal, i, i + 1, Token.Kind.PUNCT, word);
                }
            }
        }

        /** Splits "300mila" into number and word, and elisions at the apostrophe ("dell'", "'s"). */
        void addWord(int start, int end) {
            int digitsEnd = start;
            while (digitsEnd < end && Character.isDigit(chars[digitsEnd])) {
                digitsEnd++;
            }
            if (digitsEnd > start && digitsEnd < end) {
                add(start, digitsEnd, Token.Kind.NUMBER, false);
                addWord(digitsEnd, end);
                return;
            }
            add(start, end, Token.Kind.WORD, true);
        }

        /** Whether a word whose first apostrophe is at {@code apostrophe} is an elision to cut there. */
        private static boolean isElision(int start, int apostrophe, int end) {
            return apostrophe > start && apostrophe < end - 1;
        }

        private void addElision(int start, int apostrophe, int end) {
            int cut = isClitic(text, apostrophe + 1, end) ? apostrophe : apostrophe + 1;
            add(start, cut, Token.Kind.WORD, false);
            add(cut, end, Token.Kind.WORD, false);
        }

        /**
         * Adds {@code text[start, end)} with its normal form {@code toLowerCase(Locale.ROOT)}, typographic
         * apostrophes made plain, or, if {@code elides} and it is an elision, its two parts. Outside the BMP, and
         * for the two letters whose lower case depends on context or is longer (capital sigma, dotted capital I),
         * that is String's own work; every other character lower-cases on its own with
         * {@link Character#toLowerCase(char)}, as String does it. The same pass finds the first apostrophe, which
         * is the only character whose normal form is a plain apostrophe.
         */
        void add(int start, int end, Token.Kind kind, boolean elides) {
            int length = end - start;
            if (norm.length < length) {
                norm = new char[Math.max(length, norm.length * 2)];
            }
            int hash = 0;
            boolean same = true;
            int apostrophe = -1;
            for (int i = 0; i < length; i++) {
                char c = chars[start + i];
                char lower;
                if (c < '\u0080') {
                    lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                } else if (Character.isSurrogate(c) || c == '\u03A3' || c == '\u0130') {
                    addLowerCasedByString(start, end, kind, elides);
                    return;
                } else {
                    lower = Character.toLowerCase(c);
                    lower = lower == '\u2019' ? '\'' : lower;
                }
                if (lower == '\'' && apostrophe < 0) {
                    apostrophe = start + i;
                }
                same &= lower == c;
                norm[i] = lower;
                hash = 31 * hash + lower;
            }
            if (elides && isElision(start, apostrophe, end)) {
                addElision(start, apostrophe, end);
                return;
            }
            Vocabulary.Word word = vocabulary.find(norm, length, hash);
            String written = word != null && same ? word.norm() : text.substring(start, end);
            String normal = word != null ? word.norm() : same ? written : new String(norm, 0, length);
            add(written, normal, start, end, kind, word);
        }

        private void addLowerCasedByString(int start, int end, Token.Kind kind, boolean elides) {
            int apostrophe = elides ? apostrophe(chars, start, end) : -1;
            if (isElision(start, apostrophe, end)) {
                addElision(start, apostrophe, end);
                return;
            }
            String written = text.substring(start, end);
            String normal = written.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            if (norm.length < normal.length()) {
                norm = new char[normal.length()];
            }
            normal.getChars(0, normal.length(), norm, 0);
            Vocabulary.Word word = vocabulary.find(norm, normal.length(), normal.hashCode());
            add(written, word != null ? word.norm() : normal, start, end, kind, word);
        }

        private void add(String written, String normal, int start, int end, Token.Kind kind, Vocabulary.Word word) {
            if (count == array.length) {
                array = Arrays.copyOf(array, count * 2);
            }
            array[count++] = word == null ? new Token(written, normal, start, end, kind, 0, 0)
                    : new Token(written, normal, start, end, kind, word.firsts(), word.lasts());
        }
    }

    /** Tokens {@code [from, to)} of a document's array, read-only: the sentences share one array. */
    private static final class TokenSlice extends AbstractList<Token> implements RandomAccess {

        private final Token[] tokens;
        private final int from;
        private final int size;

        TokenSlice(Token[] tokens, int from, int to) {
            this.tokens = tokens;
            this.from = from;
            this.size = to - from;
        }

        @Override
        public Token get(int index) {
            Objects.checkIndex(index, size);
            return tokens[from + index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
