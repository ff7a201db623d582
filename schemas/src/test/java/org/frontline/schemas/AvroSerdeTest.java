package org.frontline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.time.Instant;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.frontline.avro.Article;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerde<Article> serde = AvroSerde.of(Article.class);

    @Test
    void roundTripsARecordWithSingleObjectFraming() {
        Article article = Article.newBuilder().setId("a1").setSource("file").setUrl("seeds/a1.txt")
                .setTitle("T").setBody("Body text").setPublished("2024-12")
                .setIngestedAt(Instant.ofEpochMilli(1_700_000_000_000L)).build();

        byte[] bytes = serde.serializer().serialize("t", article);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(article);
    }

    @Test
    void passesTombstonesThrough() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void readsARecordWrittenWithAnOlderVersionOfTheSchema() throws Exception {
        URL oldHistory = getClass().getClassLoader().getResource("old-history/");
        SchemaHistory history;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {oldHistory}, null)) {
            history = SchemaHistory.load(loader);
        }
        Schema old = history.versions("org.frontline.avro.Article").get(0);
        GenericRecord written = new GenericData.Record(old);
        written.put("id", "a1");
        written.put("source", "file");
        written.put("body", "Body text");
        written.put("published", "2022-10");
        written.put("ingested_at", 1_700_000_000_000L);
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), old).encode(written);

        Article read = AvroSerde.of(Article.class, history).decode(bytes.array());

        assertThat(read.getId()).isEqualTo("a1");
        assertThat(read.getBody()).isEqualTo("Body text");
        assertThat(read.getPublished()).isEqualTo("2022-10");
        assertThat(read.getTitle()).as("field added after the writer's version").isNull();
        assertThat(read.getUrl()).isNull();
    }

    @Test
    void unknownFingerprintIsAClearSerializationError() {
        byte[] bytes = serde.encode(Article.newBuilder().setId("a1").setSource("file").setBody("x")
                .setIngestedAt(Instant.EPOCH).build());
        bytes[5] ^= 0x5A; // corrupt the fingerprint

        assertThatThrownBy(() -> serde.decode(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a released Article schema");
    }

    @Test
    void bytesWithoutTheHeaderAreAClearSerializationError() {
        assertThatThrownBy(() -> serde.decode("plain text, not Avro".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not Avro single-object encoded Article");
    }

    @Test
    void truncatedRecordIsAClearSerializationError() {
        byte[] bytes = serde.encode(Article.newBuilder().setId("a1").setSource("file").setBody("some body")
                .setIngestedAt(Instant.EPOCH).build());
        byte[] truncated = java.util.Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> serde.decode(truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("corrupt Article record");
    }
}
