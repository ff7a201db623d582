package org.frontline.extract.internal.quotes;

import java.util.Arrays;

/** Where given characters occur in a text, found with {@link String#indexOf(int)}, which runs vectorised. */
public final class Offsets {

    private Offsets() {
    }

    /** The offsets in {@code text} of any of {@code characters}, ascending: one indexOf pass per character. */
    public static int[] of(String text, String characters) {
        int[] offsets = new int[16];
        int count = 0;
        for (int c = 0; c < characters.length(); c++) {
            char character = characters.charAt(c);
            for (int k = text.indexOf(character); k >= 0; k = text.indexOf(character, k + 1)) {
                if (count == offsets.length) {
                    offsets = Arrays.copyOf(offsets, 2 * count);
                }
                offsets[count++] = k;
            }
        }
        int[] sorted = Arrays.copyOf(offsets, count);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Index of the first of the ascending {@code offsets} that is at least {@code offset}, or their count. */
    public static int firstAtOrAfter(int[] offsets, int offset) {
        int low = 0;
        int high = offsets.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (offsets[middle] < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
