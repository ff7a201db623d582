package org.frontline.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one generated Avro record type, framed with Avro's single-object encoding: the
 * two marker bytes {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of the writer's schema, then
 * the binary record. Any released version of the schema (see {@link SchemaHistory}) is read and
 * resolved to the current one; no schema registry is involved.
 *
 * <p>{@code null} passes through both ways (tombstones). Every failure is a
 * {@link SerializationException} whose message says what was wrong with the bytes.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroSerde(Class<T> type, Schema schema, SchemaHistory history) {
        SpecificData model = SpecificData.getForClass(type);
        this.type = type;
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, history.storeFor(schema.getFullName()));
    }

    /** A serde for {@code type} that reads every released version of its schema. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return of(type, SchemaHistory.released());
    }

    /** A serde for {@code type} that reads the versions of its schema in {@code history}. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, SchemaHistory history) {
        return new AvroSerde<>(type, SpecificData.get().getSchema(type), history);
    }

    /** Encodes one record; {@code null} gives {@code null}. */
    public byte[] encode(T record) {
        if (record == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Decodes one record; {@code null} gives {@code null}. */
    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            throw new SerializationException("not a released " + type.getSimpleName()
                    + " schema: " + e.getMessage() + "; the writer used a schema this build does not know", e);
        } catch (BadHeaderException e) {
            throw new SerializationException("not Avro single-object encoded " + type.getSimpleName()
                    + " (" + bytes.length + " bytes): " + e.getMessage(), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
            throw new SerializationException("corrupt " + type.getSimpleName() + " record ("
                    + bytes.length + " bytes): " + e, e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> decode(bytes);
    }
}
