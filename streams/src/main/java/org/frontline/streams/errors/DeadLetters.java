package org.frontline.streams.errors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.frontline.avro.DeadLetter;

/** Builds the dead letter for a record that could not be processed. */
public final class DeadLetters {

    /** Room in a letter for everything but the kept value: its fields, the framing, Kafka's record overhead. */
    static final int LETTER_OVERHEAD = 1024;

    private DeadLetters() {
    }

    /**
     * A dead letter holding the record's original bytes, where it was read from, and why it failed.
     *
     * @param where the record's topic, partition and offset, when known
     */
    public static DeadLetter of(RecordMetadata where, String key, byte[] value, Exception cause, Instant now) {
        return of(where, key, value, cause, now, Integer.MAX_VALUE);
    }

    /**
     * As {@link #of(RecordMetadata, String, byte[], Exception, Instant)}, for a letter that must fit in
     * {@code maxRecordBytes}: a value too large to fit is cut, and the error says so and how large it was.
     * A letter that cannot be sent would stop the application on the record it was meant to set aside.
     */
    public static DeadLetter of(RecordMetadata where, String key, byte[] value, Exception cause, Instant now,
                                int maxRecordBytes) {
        String topic = where == null ? "" : where.topic();
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        String error = describe(cause);
        byte[] kept = value;
        if (value != null) {
            long room = (long) maxRecordBytes - LETTER_OVERHEAD - utf8Length(error) - utf8Length(topic)
                    - (keyBytes == null ? 0 : 2L * keyBytes.length);
            if (value.length > room) {
                kept = Arrays.copyOf(value, (int) Math.max(0, room));
                error = error + " (value cut to its first " + kept.length + " of " + value.length
                        + " bytes to fit in a dead letter)";
            }
        }
        return DeadLetter.newBuilder()
                .setTopic(topic)
                .setPartition(where == null ? -1 : where.partition())
                .setOffset(where == null ? -1 : where.offset())
                .setKey(keyBytes == null ? null : ByteBuffer.wrap(keyBytes))
                .setValue(kept == null ? null : ByteBuffer.wrap(kept))
                .setError(error)
                .setErrorClass(cause.getClass().getName())
                .setFailedAt(now)
                .build();
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String describe(Exception cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
