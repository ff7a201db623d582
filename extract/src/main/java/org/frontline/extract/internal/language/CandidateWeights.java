package org.frontline.extract.internal.language;

import opennlp.tools.langdetect.DefaultLanguageDetectorContextGenerator;
import opennlp.tools.ml.model.Context;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

import java.util.Arrays;
import java.util.Map;

/**
 * The weights OpenNLP's language model gives the candidate languages for each character n-gram, read without
 * making the n-grams.
 *
 * <p>OpenNLP's context generator normalises a sample, lower-cases it and puts each distinct n-gram of one to
 * three characters in a map of {@code CharBuffer}s, and the model then looks each one up by its String. On our
 * short samples that was four fifths of the detector's time and a fifth of the whole extraction's. Here an
 * n-gram is a number: its length and its three UTF-16 units packed into a {@code long}. The distinct ones
 * are found by sorting those numbers, and each is looked up in an open-addressing table made from the model's
 * weights when the detector loads, which keeps only the weights of the candidate languages. The features are
 * the generator's own, from the generator's own normaliser; {@code CandidateWeightsTest} checks them against
 * {@link DefaultLanguageDetectorContextGenerator#getContext} on the dev corpus and on awkward text. Thread-safe:
 * read-only once built.
 */
final class CandidateWeights {

    /** The n-gram lengths of the generator {@code LanguageDetectorFactory} makes. */
    static final int MIN_LENGTH = 1;
    static final int MAX_LENGTH = 3;
    private static final long EMPTY = 0L;

    private final CharSequenceNormalizer normalizer;
    private final int languages;
    /** Packed n-grams, open addressing, {@link #EMPTY} for a free slot (no n-gram packs to 0: its length is set). */
    private final long[] keys;
    /** Per slot, where its {@code languages} weights start in {@link #values}. */
    private final int[] offsets;
    private final double[] values;

    /**
     * @param features   the model's weights by feature (its predicate map)
     * @param candidateOf for each of the model's outcomes, its place among the candidates, or -1
     * @param languages  how many candidates there are
     */
    CandidateWeights(Map<String, Context> features, int[] candidateOf, int languages) {
        this.normalizer = new Normaliser().normalizer();
        this.languages = languages;
        int capacity = Integer.highestOneBit(Math.max(16, features.size() * 2) - 1) << 1;
        this.keys = new long[capacity];
        this.offsets = new int[capacity];
        double[] table = new double[features.size() * languages];
        int used = 0;
        for (Map.Entry<String, Context> feature : features.entrySet()) {
            String gram = feature.getKey();
            if (gram.length() < MIN_LENGTH || gram.length() > MAX_LENGTH) {
                continue;
            }
            int[] outcomes = feature.getValue().getOutcomes();
            double[] parameters = feature.getValue().getParameters();
            int offset = used * languages;
            boolean any = false;
            for (int k = 0; k < outcomes.length; k++) {
                int c = candidateOf[outcomes[k]];
                if (c >= 0) {
                    table[offset + c] += parameters[k];
                    any = true;
                }
            }
            if (any) {
                long key = pack(gram.toCharArray(), 0, gram.length());
                int slot = slot(key);
                keys[slot] = key;
                offsets[slot] = offset;
                used++;
            }
        }
        this.values = Arrays.copyOf(table, used * languages);
    }

    /**
     * A context generator with the normalisers {@code LanguageDetectorFactory} gives its own, in its order, for
     * its normaliser, which is protected; {@code CandidateWeightsTest} checks the features against the factory's.
     */
    private static final class Normaliser extends DefaultLanguageDetectorContextGenerator {

        Normaliser() {
            super(MIN_LENGTH, MAX_LENGTH, EmojiCharSequenceNormalizer.getInstance(),
                    UrlCharSequenceNormalizer.getInstance(), TwitterCharSequenceNormalizer.getInstance(),
                    NumberCharSequenceNormalizer.getInstance(), ShrinkCharSequenceNormalizer.getInstance());
        }

        CharSequenceNormalizer normalizer() {
            return normalizer;
        }
    }

    /**
     * Adds the weights of each distinct n-gram of the normalised, lower-cased sample to {@code sums}, one sum per
     * candidate, as the model sums them before its exponentials.
     */
    void addTo(CharSequence sample, double[] sums) {
        char[] text = lowerCase(normalizer.normalize(sample));
        int length = text.length;
        long[] grams = new long[length * MAX_LENGTH];
        int count = 0;
        for (int n = MIN_LENGTH; n <= MAX_LENGTH; n++) {
            for (int i = 0; i + n <= length; i++) {
                grams[count++] = pack(text, i, n);
            }
        }
        Arrays.sort(grams, 0, count);
        for (int k = 0; k < count; k++) {
            if (k > 0 && grams[k] == grams[k - 1]) {
                continue;
            }
            int slot = slot(grams[k]);
            if (keys[slot] == grams[k]) {
                int offset = offsets[slot];
                for (int c = 0; c < languages; c++) {
                    sums[c] += values[offset + c];
                }
            }
        }
    }

    /**
     * The sample lower-cased code point by code point with {@link Character#toLowerCase(int)}, as OpenNLP's
     * {@code StringUtil.toLowerCaseCharBuffer} does.
     */
    private static char[] lowerCase(CharSequence text) {
        char[] lower = new char[text.length() * 2];
        int written = 0;
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            int l = Character.toLowerCase(c);
            if (Character.isBmpCodePoint(l)) {
                lower[written++] = (char) l;
            } else {
                lower[written++] = Character.highSurrogate(l);
                lower[written++] = Character.lowSurrogate(l);
            }
        }
        return Arrays.copyOf(lower, written);
    }

    /** The n-gram {@code chars[from, from + n)} as a number: its length above its UTF-16 units. */
    private static long pack(char[] chars, int from, int n) {
        long key = n;
        for (int k = 0; k < MAX_LENGTH; k++) {
            key = key << Character.SIZE | (k < n ? chars[from + k] : 0);
        }
        return key;
    }

    /** The n-gram's slot: where it is, or the free slot where it would be. */
    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = (int) (mix(key) & mask);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
