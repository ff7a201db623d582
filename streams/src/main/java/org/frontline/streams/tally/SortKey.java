package org.frontline.streams.tally;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Bytes;

/**
 * A store key whose bytes sort the way its parts do, so that a range read over one tally's prefix
 * returns that tally's entries in order (RocksDB and Kafka Streams' caches compare keys as unsigned
 * bytes). The first part is the tally key; the parts after it are strings, ascending or descending,
 * and numbers.
 *
 * <p>An ascending string ends with {@code 00}, so a shorter string sorts before any longer one it
 * begins; a descending string is its bytes complemented and ends with {@code FF}. Numbers are eight
 * bytes, big-endian, with the sign bit flipped. The texts are never expected to hold U+0000.
 */
final class SortKey {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

    private SortKey(String tally) {
        ascending(tally);
    }

    /** A key within {@code tally}'s range. */
    static SortKey in(String tally) {
        return new SortKey(tally);
    }

    /** The first key of {@code tally}'s range (inclusive). */
    static Bytes first(String tally) {
        return in(tally).bytes();
    }

    /** The last key of {@code tally}'s range (inclusive): no key of the tally reaches it. */
    static Bytes last(String tally) {
        byte[] prefix = first(tally).get();
        prefix[prefix.length - 1] = 1;
        return Bytes.wrap(prefix);
    }

    /** Appends a string that sorts in its natural order; null sorts as the empty string. */
    SortKey ascending(String text) {
        if (text != null) {
            bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        bytes.write(0);
        return this;
    }

    /** Appends a string that sorts in reverse order. */
    SortKey descending(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            bytes.write(~b & 0xFF);
        }
        bytes.write(0xFF);
        return this;
    }

    /** Appends a number. */
    SortKey number(long value) {
        long flipped = value ^ Long.MIN_VALUE;
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes.write((int) (flipped >>> shift) & 0xFF);
        }
        return this;
    }

    Bytes bytes() {
        return Bytes.wrap(bytes.toByteArray());
    }
}
