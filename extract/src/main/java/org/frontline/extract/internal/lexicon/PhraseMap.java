package org.frontline.extract.internal.lexicon;

import org.frontline.extract.internal.text.Token;
import org.frontline.extract.internal.text.Vocabulary;

import java.util.Collections;
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

    /** A word of some phrases: the phrase that ends here, if any, and the words that can follow. */
    private static final class Node<V> {
        private Map<String, Node<V>> next = Map.of();
        private Entry<V> entry;

        Node<V> child(String word) {
            return next.get(word);
        }

        Node<V> childOrNew(String word) {
            if (next.isEmpty()) {
                next = new HashMap<>(4);
            }
            return next.computeIfAbsent(word, w -> new Node<>());
        }
    }

    /**
     * The phrases word by word, from their first word ({@code forward}) and from their last ({@code backward}):
     * a look-up follows the tokens as far as some phrase goes, so its cost is the phrase's length, however many
     * phrases share their first words ("in the past 24 hours", "in the past three days", "in the last week").
     */
    private final Node<V> forward = new Node<>();
    private final Node<V> backward = new Node<>();
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
        Node<V> ahead = forward;
        Node<V> behind = backward;
        for (int k = 0; k < words.length; k++) {
            ahead = ahead.childOrNew(words[k]);
            behind = behind.childOrNew(words[words.length - 1 - k]);
        }
        // The first of two identical phrases keeps its value, as a map's first entry does.
        if (ahead.entry == null) {
            ahead.entry = entry;
        }
        if (behind.entry == null) {
            behind.entry = entry;
        }
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
        Entry<V> longest = longest(forward, tokens, i, 1, null);
        return longest == null ? null : new Match<>(i, i + longest.words().length, longest.value());
    }

    /**
     * The longest phrase below {@code node} that the tokens from {@code at} on continue, stepping by {@code step}
     * (1 forward, -1 backward), or {@code best} when none is longer. A token that is a number may be the word
     * itself or any number; the word is tried first, so it wins a tie.
     */
    private Entry<V> longest(Node<V> node, List<Token> tokens, int at, int step, Entry<V> best) {
        if (at < 0 || at >= tokens.size()) {
            return best;
        }
        Token token = tokens.get(at);
        best = longestBelow(node.child(token.norm()), tokens, at, step, best);
        return token.isNumber() ? longestBelow(node.child(ANY_NUMBER), tokens, at, step, best) : best;
    }

    private Entry<V> longestBelow(Node<V> node, List<Token> tokens, int at, int step, Entry<V> best) {
        if (node == null) {
            return best;
        }
        Entry<V> found = node.entry != null && (best == null || node.entry.words().length > best.words().length)
                ? node.entry : best;
        return node.next.isEmpty() ? found : longest(node, tokens, at + step, step, found);
    }

    /** The longest phrase whose last token is {@code tokens[end - 1]}, or null; small like {@link #at}. */
    public Match<V> endingAt(List<Token> tokens, int end) {
        if (end <= 0 || end > tokens.size() || !mayEndAt(tokens.get(end - 1))) {
            return null;
        }
        return longestEndingAt(tokens, end);
    }

    private Match<V> longestEndingAt(List<Token> tokens, int end) {
        Entry<V> longest = longest(backward, tokens, end - 1, -1, null);
        return longest == null ? null : new Match<>(end - longest.words().length, end, longest.value());
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
}
