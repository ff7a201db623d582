package org.frontline.extract.internal.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The words lexicons start and end their phrases with, each with a bit mask of the lexicons that use it,
 * so that a token tells at once which lexicons can match at it and most look-ups end without hashing.
 * Filled while a language's lexicons load, then {@linkplain #seal() sealed} and read-only.
 *
 * <p>Every token of every article is looked up here, and most are not in it. A token is looked up by its
 * spelling in a char array and the {@link String#hashCode()} of it, both made while the token is lower-cased,
 * so no String is made for the look-up, and a token that is a word takes the word's own String. Once sealed,
 * the words sit in an open-addressing table at most half full, with a byte of each word's hash in its own
 * array: a miss reads a byte or two of a 32 KB array, and only a matching byte leads to a word.
 */
public final class Vocabulary {

    private static final int BITS = Long.SIZE;

    /** Per word: the bits of the lexicons with a phrase starting with it, then those with a phrase ending with it. */
    private final Map<String, long[]> masks = new HashMap<>();
    private int lexicons;

    private byte[] tags;
    private Word[] words;

    /**
     * A word of the vocabulary with its masks. Its spelling is made with it, so that the two sit side by side in
     * memory and checking a match costs one trip there rather than one to the word, one to its String and one
     * to the String's array; the table is cold when a look-up comes, so the trips are what a hit costs.
     *
     * @param norm     the word, as a token's normal form spells it
     * @param spelling the word's characters
     * @param firsts   bits of the lexicons with a phrase starting with it
     * @param lasts    bits of the lexicons with a phrase ending with it
     */
    record Word(String norm, char[] spelling, long firsts, long lasts) {

        Word(String norm, long firsts, long lasts) {
            this(norm, norm.toCharArray(), firsts, lasts);
        }

        boolean isSpelled(char[] chars, int length) {
            return Arrays.equals(spelling, 0, spelling.length, chars, 0, length);
        }
    }

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
        if (tags != null) {
            throw new IllegalStateException("the vocabulary is sealed: lexicons load before any text is read");
        }
        return masks.computeIfAbsent(word, w -> new long[2]);
    }

    /** Ends the loading: builds the table {@link #find} reads from then on. */
    public void seal() {
        int capacity = Integer.highestOneBit(Math.max(16, masks.size() * 2) - 1) << 1;
        byte[] tagged = new byte[capacity];
        Word[] table = new Word[capacity];
        masks.forEach((word, wordBits) -> {
            int mixed = mix(word.hashCode());
            int slot = slot(mixed, capacity);
            while (tagged[slot] != 0) {
                slot = (slot + 1) & (capacity - 1);
            }
            tagged[slot] = tag(mixed);
            table[slot] = new Word(word, wordBits[0], wordBits[1]);
        });
        words = table;
        tags = tagged;
    }

    /**
     * The word spelled by {@code chars[0, length)}, or null; {@code hash} is what {@link String#hashCode()}
     * would give for it, so a token is looked up without being made a String first.
     */
    Word find(char[] chars, int length, int hash) {
        byte[] table = tags;
        if (table == null) {
            String word = new String(chars, 0, length);
            long[] bits = masks.get(word);
            return bits == null ? null : new Word(word, bits[0], bits[1]);
        }
        int mixed = mix(hash);
        byte tag = tag(mixed);
        for (int slot = slot(mixed, table.length); table[slot] != 0; slot = (slot + 1) & (table.length - 1)) {
            if (table[slot] == tag && words[slot].isSpelled(chars, length)) {
                return words[slot];
            }
        }
        return null;
    }

    private static int mix(int hash) {
        return (hash ^ (hash >>> 16)) * 0x9E3779B1;
    }

    /** The slot a word's search starts at, from the high bits of its mixed hash. */
    private static int slot(int mixed, int capacity) {
        return mixed >>> (Integer.SIZE - Integer.numberOfTrailingZeros(capacity));
    }

    /** Eight low bits of the mixed hash, never 0, which marks an empty slot. */
    private static byte tag(int mixed) {
        byte tag = (byte) mixed;
        return tag == 0 ? 1 : tag;
    }
}
