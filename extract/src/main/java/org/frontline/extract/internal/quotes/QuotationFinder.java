package org.frontline.extract.internal.quotes;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds quotations paragraph by paragraph. Marks of every kind pair with each other ({@code “...»}),
 * single marks inside double ones belong to the outer quotation, apostrophes are told from single
 * marks by the letters on both sides, and a closing mark with no opening before it in its paragraph
 * closes a quotation that opens the paragraph (its opening mark was lost). Stateless and thread-safe.
 */
public final class QuotationFinder {

    /** Every character that can be a quotation mark. */
    private static final String MARKS = "\"“”«»„‘’'‹›";

    private enum Role { OPEN, CLOSE }

    private record Mark(int offset, boolean isDouble, Role role) {
    }

    /** Quotations of the text, paragraph by paragraph; paragraphs are {@code [start, end)} offsets. */
    public List<Quotation> find(String text, List<int[]> paragraphs) {
        int[] marks = Offsets.of(text, MARKS);
        List<Quotation> quotations = new ArrayList<>();
        for (int[] paragraph : paragraphs) {
            find(text, paragraph[0], paragraph[1], marks, quotations);
        }
        return quotations;
    }

    /** The quotations of the paragraph {@code [from, to)}, whose marks are among {@code marks}. */
    private static void find(String text, int from, int to, int[] marks, List<Quotation> quotations) {
        Mark open = null;
        boolean inner = false;
        boolean anyInParagraph = false;
        for (int m = Offsets.firstAtOrAfter(marks, from); m < marks.length && marks[m] < to; m++) {
            int k = marks[m];
            Mark mark = mark(text, k, from, to);
            if (mark == null) {
                continue;
            }
            if (open != null && text.charAt(open.offset()) == '«' && mark.isDouble() && !isGuillemet(text.charAt(k))
                    && (inner || mark.role() == Role.OPEN)) {
                // «… lo scambio "1000 per 1000" …»: other double marks inside guillemets quote within the quotation.
                inner = !inner;
                continue;
            }
            if (open == null) {
                if (mark.role() != Role.CLOSE) {
                    open = mark;
                } else if (mark.isDouble() && !anyInParagraph) {
                    add(text, quotations, -1, from, k);
                    anyInParagraph = true;
                }
            } else if (open.isDouble() && !mark.isDouble()) {
                continue;
            } else if (mark.role() != Role.OPEN && (mark.isDouble() || !open.isDouble())) {
                add(text, quotations, open.offset(), open.offset() + 1, k);
                anyInParagraph = true;
                open = null;
                inner = false;
            } else if (mark.role() == Role.OPEN) {
                open = mark;
            }
        }
        if (open != null && open.isDouble()) {
            add(text, quotations, open.offset(), open.offset() + 1, to);
        }
    }

    private static void add(String text, List<Quotation> quotations, int openMark, int start, int closeMark) {
        int s = start;
        int e = closeMark;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (s < e) {
            boolean closed = closeMark < text.length() && isQuoteMark(text.charAt(closeMark));
            quotations.add(new Quotation(s, e, openMark, closed ? closeMark : -1));
        }
    }

    private static boolean isGuillemet(char c) {
        return c == '«' || c == '»';
    }

    private static boolean isQuoteMark(char c) {
        return MARKS.indexOf(c) >= 0;
    }

    /** What the character at {@code k} can do as a quotation mark, or null when it is none. */
    private static Mark mark(String text, int k, int from, int to) {
        char c = text.charAt(k);
        if (c < '\u00ab' ? c != '"' && c != '\'' : !isQuoteMark(c)) {
            return null;
        }
        char before = k > from ? text.charAt(k - 1) : ' ';
        char after = k + 1 < to ? text.charAt(k + 1) : ' ';
        boolean wordBefore = Character.isLetterOrDigit(before);
        boolean wordAfter = Character.isLetterOrDigit(after);
        boolean spaceBefore = Character.isWhitespace(before);
        boolean spaceAfter = Character.isWhitespace(after);
        switch (c) {
            case '«', '„':
                return new Mark(k, true, Role.OPEN);
            case '»':
                return new Mark(k, true, Role.CLOSE);
            case '‹':
                return new Mark(k, false, Role.OPEN);
            case '›':
                return new Mark(k, false, Role.CLOSE);
            case '“':
                return new Mark(k, true, !wordBefore && !spaceAfter && !isPunctuation(after) ? Role.OPEN : Role.CLOSE);
            case '”':
                return new Mark(k, true, spaceBefore && wordAfter ? Role.OPEN : Role.CLOSE);
            case '"':
                return new Mark(k, true, !wordBefore && !spaceAfter && !isPunctuation(after) ? Role.OPEN : Role.CLOSE);
            case '‘':
                return new Mark(k, false, Role.OPEN);
            case '’', '\'':
                if (wordBefore && wordAfter) {
                    return null;
                }
                if (!wordBefore && wordAfter) {
                    return new Mark(k, false, Role.OPEN);
                }
                return spaceAfter || !wordAfter ? new Mark(k, false, Role.CLOSE) : null;
            default:
                return null;
        }
    }

    private static boolean isPunctuation(char c) {
        return ".,;:!?".indexOf(c) >= 0;
    }
}
