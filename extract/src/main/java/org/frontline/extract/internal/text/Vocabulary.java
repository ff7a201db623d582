package org.frontline.extract.internal.text;

import java.util.HashMap;
import java.util.Map;

/**
 * The words lexicons start and end their phrases with, each with a bit mask of the lexicons that use it,
 * so that a token tells at once which lexicons can match at it and most look-ups end without hashing.
 * Filled while a language's lexicons load, read-only afterwards.
 */
public final class Vocabulary {

    private static final int BITS = Long.SIZE;

    private static final long[] NONE = {0, 0};

    /** Per word: the bits of the lexicons with a phrase starting with it, then those with a phrase ending with it. */
    private final Map<String, long[]> masks = new HashMap<>();
    private int lexicons;

    /** A bit for one more lexicon; lexicons beyond 64 share bits, which only makes the filter coarser. */
    public long newBit() {
        return 1L << (lexicons++ % BITS);
    }

    public void markFirst(String word, long bit) {
        masks.computeIfAbsent(word, w -> new long[2])[0] |= bit;
    }

    public void markLast(String word, long bit) {
        masks.computeIfAbsent(word, w -> new long[2])[1] |= bit;
    }

    /** The word's first and last masks, in one look-up; never to be written to. */
    long[] masksOf(String norm) {
        long[] bits = masks.get(norm);
        return bits == null ? NONE : bits;
    }
}
