package org.frontline.extract.internal.quotes;

/**
 * Words between quotation marks.
 *
 * @param start     offset of the first quoted character, spaces trimmed
 * @param end       offset after the last quoted character, spaces trimmed
 * @param openMark  offset of the opening mark, or -1 when it was lost and the quotation opens its paragraph
 * @param closeMark offset of the closing mark, or -1 when the quotation runs to the end of its paragraph
 */
public record Quotation(int start, int end, int openMark, int closeMark) {

    /** Offset where the quotation begins, mark included. */
    public int outerStart() {
        return openMark >= 0 ? openMark : start;
    }

    /** Offset after the quotation, mark included. */
    public int outerEnd() {
        return closeMark >= 0 ? closeMark + 1 : end;
    }
}
