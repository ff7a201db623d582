package org.frontline.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.DeadLetter;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.broker.testing.KafkaBrokerExtension;
import org.frontline.broker.testing.TopicRecords;
import org.frontline.extract.Extractor;
import org.frontline.extract.SpeakerNames;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;
import org.frontline.schemas.TopicSetup;
import org.frontline.schemas.testing.TestArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad records written straight to {@code articles.raw} by another client, on a real broker with the real
 * extractor and exactly-once processing: each is a dead letter with its cause or a documented no-op, the
 * application keeps running, and the books balance exactly: every good article enriched and tallied, every
 * bad one in {@code articles.dlq}, nothing else. The catalogue is docs/reliability.md, "Bad input".
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RawTopicBadInputIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path state;

    @Test
    void everyKindOfBadRecordOnTheRawTopicIsADeadLetterOrANoOpAndTheTalliesAreExact() throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", KAFKA.bootstrapServers());
        props.put("application.id", "bad-input");
        props.put("frontline.topic.prefix", "bad.");
        TopicNames names = TopicNames.from(props);
        FrontlineTopics topics = FrontlineTopics.named(names);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            TopicSetup.ensure(admin, TopicSetup.newTopics(names, 3, (short) 1));
        }

        // What each bad record must become: its key as written, to its cause.
        Map<String, String> expectedLetters = new TreeMap<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Consumer<ProducerRecord<byte[], byte[]>> write = records::add;
        String raw = names.raw();

        write.accept(record(raw, "good-1", article("good-1",
                "Three civilians were killed in the shelling of Kharkiv on Tuesday, officials said.")));
        byte[] random = new byte[512];
        new java.util.Random(13).nextBytes(random);
        random[0] = 0x17;
        write.accept(record(raw, "random-bytes", random));
        expectedLetters.put("random-bytes", "not Avro single-object encoded Article (512 bytes)");
        byte[] whole = article("truncated", "Four soldiers were killed near Bakhmut.");
        write.accept(record(raw, "truncated", Arrays.copyOf(whole, whole.length - 20)));
        expectedLetters.put("truncated", "corrupt Article record");
        byte[] unknown = article("unknown-fingerprint", "Four soldiers were killed near Bakhmut.");
        unknown[2] ^= 0x7F;
        write.accept(record(raw, "unknown-fingerprint", unknown));
        expectedLetters.put("unknown-fingerprint", "not a released Article schema");
        write.accept(record(raw, "empty-value", new byte[0]));
        expectedLetters.put("empty-value", "not Avro single-object encoded Article (0 bytes)");
        write.accept(record(raw, "not-its-id", article("good-1", "Nine soldiers were killed near Bakhmut.")));
        expectedLetters.put("not-its-id", "record key not-its-id is not the article's id good-1");
        write.accept(new ProducerRecord<>(raw, new byte[] {(byte) 0xC3, (byte) 0x28},
                article("latin", "Nine soldiers were killed near Bakhmut.")));
        expectedLetters.put("\uFFFD(", "is not the article's id latin");
        byte[] tally = topics.casualties().valueSerde().serializer().serialize(raw, CasualtyTally.newBuilder()
                .setOutcome("killed").setVictims("civilians").setIncidentTotal(1000).setReports(1).setArticles(1)
                .build());
        write.accept(record(raw, "a-tally", tally));
        expectedLetters.put("a-tally", "not a released Article schema");
        write.accept(record(raw, "quote-heavy", article("quote-heavy", quoteHeavyBody())));
        expectedLetters.put("quote-heavy", "the enriched article is ");
        // A list of tolls with no full stop: its figures alone pass max.request.size, and it must take seconds to
        // read, well inside a transaction's timeout, or the application would retry it for ever.
        write.accept(record(raw, "toll-list", article("toll-list", tollListBody())));
        expectedLetters.put("toll-list", "the enriched article is ");
        // Documented no-ops and goods after the bad ones: processing goes on.
        write.accept(record(raw, "never-published", null));
        write.accept(record(raw, "big-plain", article("big-plain", "Five civilians were killed in Kherson. "
                + "The city council met on Tuesday to discuss the budget for schools and roads. ".repeat(11_700))));
        write.accept(record(raw, "good-2", article("good-2",
                "\"We will not give up,\" said Volodymyr Zelensky. Two civilians were killed in Odesa.")));
        write.accept(record(raw, "good-3", article("good-3", "Four soldiers were killed near Bakhmut.")));

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", KAFKA.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r).get(30, TimeUnit.SECONDS);
            }
            // articles.raw is compacted: the broker itself refuses a record without a key, tombstone or not.
            for (byte[] value : Arrays.asList(article("keyless", "Four soldiers were killed near Bakhmut."), null)) {
                ProducerRecord<byte[], byte[]> keyless = new ProducerRecord<>(raw, null, value);
                assertThatThrownBy(() -> producer.send(keyless).get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(InvalidRecordException.class)
                        .hasMessageContaining("Compacted topic cannot accept message without key");
            }
        }
        assertThat(records.stream().filter(r -> r.value() != null && r.value().length > 900_000).count())
                .as("three articles of about 900 KB").isEqualTo(3);

        StreamsSettings settings = StreamsSettings.from(props, state, 3);
        try (FrontlineStreams streams = FrontlineStreams.start(settings, Extractor.create()::extract)) {
            Map<String, DeadLetter> letters = new HashMap<>();
            Map<String, EnrichedArticle> enriched = new HashMap<>();
            List<String> enrichedKeys = new ArrayList<>();
            await("every record accounted for").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        letters.clear();
                        readAll(names.deadLetter(), r -> {
                            DeadLetter letter = topics.deadLetter().valueSerde().deserializer()
                                    .deserialize(names.deadLetter(), r.value());
                            letters.put(new String(r.key(), StandardCharsets.UTF_8), letter);
                        });
                        enrichedKeys.clear();
                        readAll(names.enriched(), r -> {
                            String key = new String(r.key(), StandardCharsets.UTF_8);
                            enrichedKeys.add(key);
                            enriched.put(key, r.value() == null ? null : topics.enriched().valueSerde()
                                    .deserializer().deserialize(names.enriched(), r.value()));
                        });
                        assertThat(letters).containsOnlyKeys(expectedLetters.keySet());
                        assertThat(enrichedKeys).containsExactlyInAnyOrder("good-1", "never-published",
                                "big-plain", "good-2", "good-3");
                    });
            assertThat(streams.kafkaStreams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            expectedLetters.forEach((key, cause) -> {
                assertThat(letters.get(key).getError()).as(key).contains(cause);
                assertThat(letters.get(key).getTopic()).isEqualTo(raw);
            });
            assertThat(letters.get("quote-heavy").getErrorClass()).endsWith("RecordTooLargeException");
            assertThat(letters.get("quote-heavy").getValue().remaining()).as("kept whole").isGreaterThan(900_000);
            assertThat(letters.get("toll-list").getErrorClass()).endsWith("RecordTooLargeException");
            assertThat(letters.get("truncated").getValue().array()).isEqualTo(Arrays.copyOf(whole, whole.length - 20));
            assertThat(enriched.get("never-published")).as("a tombstone for an unknown id passes on").isNull();
            assertThat(enriched.get("big-plain").getArticle().getBody()).hasSizeGreaterThan(900_000);

            // Only the good articles count: 3 + 5 + 2 civilians, 4 soldiers, one statement.
            Map<String, CasualtyTally> casualties = new HashMap<>();
            Map<String, SpeakerTally> speakers = new HashMap<>();
            await("the tallies of the good articles").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                readAll(names.casualties(), r -> casualties.put(new String(r.key(), StandardCharsets.UTF_8),
                        r.value() == null ? null : topics.casualties().valueSerde().deserializer()
                                .deserialize(names.casualties(), r.value())));
                readAll(names.statements(), r -> speakers.put(new String(r.key(), StandardCharsets.UTF_8),
                        r.value() == null ? null : topics.statements().valueSerde().deserializer()
                                .deserialize(names.statements(), r.value())));
                assertThat(casualties.get("killed|civilians|UA")).extracting(CasualtyTally::getIncidentTotal,
                        CasualtyTally::getArticles).containsExactly(10L, 3);
                assertThat(casualties.get("killed|military|UA")).extracting(CasualtyTally::getIncidentTotal,
                        CasualtyTally::getArticles).containsExactly(4L, 1);
            });
            assertThat(casualties.values()).filteredOn(t -> t != null).hasSize(2);
            assertThat(speakers).containsOnlyKeys(SpeakerNames.canonicalKey("Volodymyr Zelensky"));
            assertThat(speakers.values().iterator().next().getStatements()).isEqualTo(1);
            assertThat(streams.failure()).isNull();
        }
    }

    /** About 900 KB of distinct quotations: the enriched article repeats each, past max.request.size. */
    private static String quoteHeavyBody() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; body.length() < 900_000; i++) {
            body.append("\"We will hold position number ").append(i).append(" and we will not give up the city of ")
                    .append("Kharkiv to anyone at all, whatever it costs us,\" said Volodymyr Zelensky on day ")
                    .append(i).append(".\n\n");
        }
        return body.toString();
    }

    /** About 900 KB of "N civilians killed in village N, ", every count a new one. */
    private static String tollListBody() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; body.length() < 900_000; i++) {
            body.append(i).append(" civilians killed in village ").append(i).append(", ");
        }
        return body.toString();
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return TestArticles.rawRecord(topic, key, value);
    }

    /** An article as another client would write it: Frontline's wire format. */
    private static byte[] article(String id, String body) {
        return TestArticles.encoded(TestArticles.article(id).setSource("other-client").setBody(body)
                .setPublished("2024-11").build());
    }

    private static void readAll(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        TopicRecords.readAll(KAFKA.bootstrapServers(), topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .forEach(each);
    }
}
