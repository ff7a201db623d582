package org.frontline.streams.errors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.frontline.avro.DeadLetter;

/** Builds the dead letter for a record that could not be processed. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * A dead letter holding the record's original bytes, where it was read from, and why it failed.
     *
     * @param where the record's topic, partition and offset, when known
     */
    public static DeadLetter of(RecordMetadata where, String key, byte[] value, Exception cause, Instant now) {
        return DeadLetter.newBuilder()
                .setTopic(where == null ? "" : where.topic())
                .setPartition(where == null ? -1 : where.partition())
                .setOffset(where == null ? -1 : where.offset())
                .setKey(key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setError(describe(cause))
                .setErrorClass(cause.getClass().getName())
                .setFailedAt(now)
                .build();
    }

    private static String describe(Exception cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
