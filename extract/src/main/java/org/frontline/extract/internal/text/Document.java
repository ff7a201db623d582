package org.frontline.extract.internal.text;

import java.util.List;

/**
 * A text cut into paragraphs, sentences and tokens.
 *
 * @param text       the whole text
 * @param paragraphs offsets of each paragraph as {@code [start, end)} pairs
 * @param sentences  all sentences in reading order
 */
public record Document(String text, List<int[]> paragraphs, List<Sentence> sentences) {

    /** The sentence that contains {@code offset}, or null. */
    public Sentence sentenceAt(int offset) {
        int index = firstSentenceEndingAfter(offset);
        Sentence sentence = index < sentences.size() ? sentences.get(index) : null;
        return sentence != null && offset >= sentence.start() ? sentence : null;
    }

    /** Index of the first sentence that ends after {@code offset}, or the sentence count. */
    public int firstSentenceEndingAfter(int offset) {
        int low = 0;
        int high = sentences.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sentences.get(middle).end() <= offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    public String slice(int start, int end) {
        return text.substring(start, end);
    }
}
