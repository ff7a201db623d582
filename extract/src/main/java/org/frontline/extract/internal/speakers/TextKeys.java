package org.frontline.extract.internal.speakers;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Keys that compare texts as words rather than as characters: the folded words of a quotation, so that
 * "«Noi difenderemo la città»" and "“noi difenderemo la citta”" are one statement ({@link #wordsKey}); a
 * name folded of its accents and case ({@link #fold}); and the counts and word matches of names, worked
 * out without building strings ({@link #splitCount}, {@link #containsWords}).
 */
final class TextKeys {

    private static final char LATIN_LAST = '\u024f';
    private static final char PUNCTUATION_FIRST = '\u2000';
    private static final char PUNCTUATION_LAST = '\u206f';
    /** {@link #wordsKey} of each Latin character and of each general punctuation mark, worked out once. */
    private static final String[] FOLDED_LATIN = foldTable(0, LATIN_LAST);
    private static final String[] FOLDED_PUNCTUATION = foldTable(PUNCTUATION_FIRST, PUNCTUATION_LAST);
    /** How many characters of their keys tell quotations apart before whole keys are compared. */
    private static final int KEY_HEAD = 16;
    /** The most characters one character of the tables folds to. */
    private static final int MOST_FOLDED = Math.max(longest(FOLDED_LATIN), longest(FOLDED_PUNCTUATION));

    private TextKeys() {
    }

    /** As many pieces as {@code text.split(" ")} gives (trailing empty ones dropped), without splitting. */
    static int splitCount(String text) {
        int last = text.length() - 1;
        while (last >= 0 && text.charAt(last) == ' ') {
            last--;
        }
        if (last < 0) {
            return text.isEmpty() ? 1 : 0;
        }
        int pieces = 1;
        for (int i = 0; i < last; i++) {
            if (text.charAt(i) == ' ') {
                pieces++;
            }
        }
        return pieces;
    }

    /** Whether {@code " " + words + " "} is in {@code " " + text + " "}, without building either. */
    static boolean containsWords(String text, String words) {
        int at = text.indexOf(words);
        while (at >= 0) {
            int after = at + words.length();
            boolean startsWord = at == 0 || text.charAt(at - 1) == ' ';
            boolean endsWord = after == text.length() || text.charAt(after) == ' ';
            if (startsWord && endsWord) {
                return true;
            }
            at = at < text.length() ? text.indexOf(words, at + 1) : -1;
        }
        return false;
    }

    /** The text without its accents and other combining marks, in lower case: "Türk" as "turk". */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                folded.append(Character.toLowerCase(c));
            }
        }
        return folded.toString();
    }

    /**
     * The words of {@code text[start, end)}, folded, for telling repeated quotations apart; written into a
     * buffer that can hold the longest key.
     */
    static String wordsKey(String text, int start, int end) {
        char[] key = new char[(end - start) * MOST_FOLDED];
        int length = 0;
        for (int i = start; i < end; i++) {
            String folded = foldedChar(text.charAt(i));
            if (folded == null) {
                return slowWordsKey(text.substring(start, end));
            }
            for (int f = 0; f < folded.length(); f++) {
                key[length++] = folded.charAt(f);
            }
        }
        return new String(key, 0, length);
    }

    /**
     * The hash code of the first {@link #KEY_HEAD} characters of {@link #wordsKey} (all of it when shorter),
     * folding only as much of the text as they take. A key is the keys of its characters in order (NFKD
     * decomposes each character on its own and reorders only combining marks, which keys drop), so the
     * folded leading characters begin the key even when a later character sends the text down
     * {@link #slowWordsKey}.
     */
    static int wordsKeyHeadHash(String text, int start, int end) {
        int hash = 0;
        int length = 0;
        for (int i = start; i < end && length < KEY_HEAD; i++) {
            String folded = foldedChar(text.charAt(i));
            if (folded == null) {
                String key = slowWordsKey(text.substring(start, end));
                return key.substring(0, Math.min(KEY_HEAD, key.length())).hashCode();
            }
            for (int f = 0; f < folded.length() && length < KEY_HEAD; f++, length++) {
                hash = 31 * hash + folded.charAt(f);
            }
        }
        return hash;
    }

    /** What {@link #slowWordsKey} gives for the character alone, or null for characters not in the table. */
    private static String foldedChar(char c) {
        if (c < FOLDED_LATIN.length) {
            return FOLDED_LATIN[c];
        }
        return c >= PUNCTUATION_FIRST && c <= PUNCTUATION_LAST ? FOLDED_PUNCTUATION[c - PUNCTUATION_FIRST] : null;
    }

    /**
     * Latin letters and general punctuation decompose to a letter or mark that starts a new character, so
     * their folding is the same alone as in a text; the key of a text made of them is the keys of its
     * characters.
     */
    private static String[] foldTable(int first, int last) {
        String[] table = new String[last - first + 1];
        for (int c = first; c <= last; c++) {
            table[c - first] = slowWordsKey(String.valueOf((char) c));
        }
        return table;
    }

    private static int longest(String[] texts) {
        int longest = 0;
        for (String text : texts) {
            longest = Math.max(longest, text.length());
        }
        return longest;
    }

    private static String slowWordsKey(String quote) {
        StringBuilder key = new StringBuilder();
        for (char c : fold(quote).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                key.append(c);
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
