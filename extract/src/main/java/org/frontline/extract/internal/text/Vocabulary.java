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

    private final Map<String, Long> firsts = new HashMap<>();
    private final Map<String, Long> lasts = new HashMap<>();
    private int lexicons;

    /** A bit for one more lexicon; lexicons beyond 64 share bits, which only makes the filter coarser. */
    public long newBit() {
        return 1L << (lexicons++ % BITS);
    }

    public void markFirst(String word, long bit) {
        firsts.merge(word, bit, (a, b) -> a | b);
    }

    public void markLast(String word, long bit) {
        lasts.merge(word, bit, (a, b) -> a | b);
    }

    long firstsOf(String norm) {
        Long bits = firsts.get(norm);
        return bits == null ? 0 : bits;
    }

    long lastsOf(String norm) {
        Long bits = lasts.get(norm);
        return bits == null ? 0 : bits;
    }
}
