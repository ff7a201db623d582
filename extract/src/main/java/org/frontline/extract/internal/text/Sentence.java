package org.frontline.extract.internal.text;

import java.util.List;

/**
 * One sentence of a document with its tokens.
 *
 * @param index     position among the document's sentences
 * @param paragraph index of the paragraph it belongs to
 * @param start     offset of the first character in the document text
 * @param end       offset after the last character
 * @param tokens    the sentence's tokens, spaces left out
 */
public record Sentence(int index, int paragraph, int start, int end, List<Token> tokens) {

    /** Index of the first token that starts at or after {@code offset}, or the token count. */
    public int tokenAt(int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (tokens.get(middle).start() < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
