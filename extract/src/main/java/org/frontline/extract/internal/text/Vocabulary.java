package org.frontline.extract.internal.text;

import java.util.HashMap;
import java.util.Map;

/**
 * The words lexicons start and end their phrases with, each with a bit mask of the lexicons that use it,
 * so that a token tells at once which lexicons can match at it and most look-ups end without hashing.
 * Filled while a language's lexicons load, then {@linkplain #seal() sealed} and read-only.
 *
 * <p>Every token of every article is looked up here, and most are not in it. Once sealed, the words sit in
 * an open-addressing table a quarter full whose hash codes are kept in their own array, so a miss costs a
 * few reads of one array instead of a walk through {@code HashMap}'s nodes, which was a tenth of the time
 * spent segmenting an article.
 */
public final class Vocabulary {

    private static final int BITS = Long.SIZE;

    private static final long[] NONE = {0, 0};

    /** Per word: the bits of the lexicons with a phrase starting with it, then those with a phrase ending with it. */
    private final Map<String, long[]> masks = new HashMap<>();
    private int lexicons;

    private String[] keys;
    private int[] hashes;
    private long[][] values;

    /** A bit for one more lexicon; lexicons beyond 64 share bits, which only makes the filter coarser. */
    public long newBit() {
        return 1L << (lexicons++ % BITS);
    }

    public void markFirst(String word, long bit) {
        entry(word)[0] |= bit;
    }

    public void markLast(String word, long bit) {
        entry(word)[1] |= bit;
    }

    private long[] entry(String word) {
        if (keys != null) {
            throw new IllegalStateException("the vocabulary is sealed: lexicons load before any text is read");
        }
        return masks.computeIfAbsent(word, w -> new long[2]);
    }

    /** Ends the loading: builds the table {@link #masksOf} reads from then on. */
    public void seal() {
        int capacity = Integer.highestOneBit(Math.max(16, masks.size() * 4) - 1) << 1;
        String[] table = new String[capacity];
        int[] codes = new int[capacity];
        long[][] bits = new long[capacity][];
        masks.forEach((word, wordBits) -> {
            int slot = slot(word.hashCode(), capacity);
            while (table[slot] != null) {
                slot = (slot + 1) & (capacity - 1);
            }
            table[slot] = word;
            codes[slot] = word.hashCode();
            bits[slot] = wordBits;
        });
        hashes = codes;
        values = bits;
        keys = table;
    }

    /** The word's first and last masks, in one look-up; never to be written to. */
    long[] masksOf(String norm) {
        String[] table = keys;
        if (table == null) {
            long[] bits = masks.get(norm);
            return bits == null ? NONE : bits;
        }
        int hash = norm.hashCode();
        for (int slot = slot(hash, table.length); table[slot] != null; slot = (slot + 1) & (table.length - 1)) {
            if (hashes[slot] == hash && table[slot].equals(norm)) {
                return values[slot];
            }
        }
        return NONE;
    }

    private static int slot(int hash, int capacity) {
        return (hash ^ (hash >>> 16)) * 0x9E3779B1 >>> 7 & (capacity - 1);
    }
}
