package org.frontline.extract.internal.lexicon;

import org.frontline.extract.internal.text.Token;
import org.frontline.extract.internal.text.Vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases of a lexicon, matched against tokens by their normalised form, longest first.
 * A number in a phrase stands for any number token.
 *
 * @param <V> what a phrase maps to
 */
public final class PhraseMap<V> {

    static final String ANY_NUMBER = "#";

    /** A phrase found in a token list: tokens {@code [start, end)} and the phrase's value. */
    public record Match<V>(int start, int end, V value) {
    }

    private record Entry<V>(String[] words, V value) {
    }

    private final Map<String, List<Entry<V>>> byFirst = new HashMap<>();
    private final Map<String, List<Entry<V>>> byLast = new HashMap<>();
    private final Map<String, V> singleWords = new HashMap<>();
    private final Vocabulary vocabulary;
    private final long bit;
    private boolean numberFirst;
    private boolean numberLast;

    PhraseMap(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.bit = vocabulary.newBit();
    }

    void add(String[] words, V value) {
        if (words.length == 1) {
            singleWords.putIfAbsent(words[0], value);
        }
        Entry<V> entry = new Entry<>(words, value);
        insert(byFirst, words[0], entry);
        insert(byLast, words[words.length - 1], entry);
        vocabulary.markFirst(words[0], bit);
        vocabulary.markLast(words[words.length - 1], bit);
        numberFirst |= words[0].equals(ANY_NUMBER);
        numberLast |= words[words.length - 1].equals(ANY_NUMBER);
    }

    /** Whether some phrase may start at the token: false rules it out without a look-up. */
    public boolean mayStartAt(Token token) {
        return (token.firsts() & bit) != 0 || numberFirst && token.isNumber();
    }

    private boolean mayEndAt(Token token) {
        return (token.lasts() & bit) != 0 || numberLast && token.isNumber();
    }

    /** Whether a phrase of this map may start at any of the tokens; false means none does. */
    public boolean mayOccurIn(List<Token> tokens) {
        for (Token token : tokens) {
            if (mayStartAt(token)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a phrase of either map may start at any of the tokens, in one pass over them. */
    public static boolean mayOccurIn(List<Token> tokens, PhraseMap<?> one, PhraseMap<?> other) {
        for (Token token : tokens) {
            if (one.mayStartAt(token) || other.mayStartAt(token)) {
                return true;
            }
        }
        return false;
    }

    /** Keeps each word's entries longest first, in a compact list: most words start or end one phrase. */
    private static <V> void insert(Map<String, List<Entry<V>>> index, String key, Entry<V> entry) {
        List<Entry<V>> entries = new ArrayList<>(index.getOrDefault(key, List.of()));
        entries.add(entry);
        entries.sort(Comparator.comparingInt((Entry<V> e) -> e.words().length).reversed());
        index.put(key, List.copyOf(entries));
    }

    /**
     * The longest phrase that starts at token {@code i}, or null. Kept small so that callers inline the
     * test of the token's bit, which ends most calls.
     */
    public Match<V> at(List<Token> tokens, int i) {
        if (i < 0 || i >= tokens.size() || !mayStartAt(tokens.get(i))) {
            return null;
        }
        return longestStartingAt(tokens, i);
    }

    private Match<V> longestStartingAt(List<Token> tokens, int i) {
        for (Entry<V> entry : candidates(byFirst, tokens.get(i))) {
            if (matches(entry.words(), tokens, i)) {
                return new Match<>(i, i + entry.words().length, entry.value());
            }
        }
        return null;
    }

    /** The longest phrase whose last token is {@code tokens[end - 1]}, or null; small like {@link #at}. */
    public Match<V> endingAt(List<Token> tokens, int end) {
        if (end <= 0 || end > tokens.size() || !mayEndAt(tokens.get(end - 1))) {
            return null;
        }
        return longestEndingAt(tokens, end);
    }

    private Match<V> longestEndingAt(List<Token> tokens, int end) {
        for (Entry<V> entry : candidates(byLast, tokens.get(end - 1))) {
            int start = end - entry.words().length;
            if (start >= 0 && matches(entry.words(), tokens, start)) {
                return new Match<>(start, end, entry.value());
            }
        }
        return null;
    }

    /** The first phrase found scanning tokens {@code [from, to)}, or null. */
    public Match<V> find(List<Token> tokens, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
            Match<V> match = mayStartAt(tokens.get(i)) ? longestStartingAt(tokens, i) : null;
            if (match != null && match.end() <= to) {
                return match;
            }
        }
        return null;
    }

    /** The last phrase found scanning tokens {@code [from, to)} backwards, or null. */
    public Match<V> findLast(List<Token> tokens, int from, int to) {
        for (int end = Math.min(to, tokens.size()); end > Math.max(0, from); end--) {
            Match<V> match = mayEndAt(tokens.get(end - 1)) ? longestEndingAt(tokens, end) : null;
            if (match != null && match.start() >= from) {
                return match;
            }
        }
        return null;
    }

    /** Whether the token on its own is a phrase of this map. */
    public boolean contains(Token token) {
        return get(token) != null;
    }

    /** The value of the one-word phrase the token is, or null; a one-word phrase both starts and ends. */
    public V get(Token token) {
        return (token.firsts() & token.lasts() & bit) == 0 ? null : singleWords.get(token.norm());
    }

    /** The one-word phrases and their values. */
    public Map<String, V> singleWords() {
        return Collections.unmodifiableMap(singleWords);
    }

    private List<Entry<V>> candidates(Map<String, List<Entry<V>>> index, Token token) {
        List<Entry<V>> exact = index.getOrDefault(token.norm(), List.of());
        if (!token.isNumber()) {
            return exact;
        }
        List<Entry<V>> number = index.getOrDefault(ANY_NUMBER, List.of());
        if (exact.isEmpty()) {
            return number;
        }
        List<Entry<V>> both = new ArrayList<>(exact);
        both.addAll(number);
        both.sort(Comparator.comparingInt((Entry<V> e) -> e.words().length).reversed());
        return both;
    }

    private static boolean matches(String[] words, List<Token> tokens, int start) {
        if (start + words.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            Token token = tokens.get(start + k);
            boolean same = words[k].equals(ANY_NUMBER) ? token.isNumber() : words[k].equals(token.norm());
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
