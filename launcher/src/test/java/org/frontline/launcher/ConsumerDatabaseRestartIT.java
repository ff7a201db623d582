package org.frontline.launcher;

import static org.frontline.launcher.ConsumerProcesses.checkpointed;
import static org.frontline.launcher.ConsumerProcesses.endOffsets;
import static org.frontline.launcher.ConsumerProcesses.offsets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.frontline.avro.CasualtyFigure;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.avro.Statement;
import org.frontline.broker.EmbeddedKafkaBroker;
import org.frontline.consumer.db.ResultsDatabase;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;
import org.frontline.schemas.TopicSetup;
import org.frontline.schemas.testing.TestArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code frontline consume} as its own process writing its DuckDB database: killed with SIGKILL three times while
 * it works through a backlog of articles (new versions and withdrawals among them) and tallies, then started
 * again, it leaves every table exactly as a consumer that ran through once without a kill.
 */
class ConsumerDatabaseRestartIT {

    private static final FrontlineTopics TOPICS = FrontlineTopics.named(TopicNames.defaults());
    private static final int ARTICLES = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aConsumerKilledMidStreamAndRestartedLeavesTheDatabaseAsACleanRunDoes() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     broker.bootstrapServers()))) {
            String bootstrap = broker.bootstrapServers();
            TopicSetup.ensure(admin, TopicSetup.newTopics(TopicNames.defaults(), 3, (short) -1));
            produce(bootstrap);
            Map<Integer, Long> ends = endOffsets(admin, TOPICS.enriched().name());
            long records = ends.values().stream().mapToLong(Long::longValue).sum();
            ConsumerProcesses consumers = new ConsumerProcesses(work);

            Path clean = work.resolve("clean");
            runToTheEnd(consumers.start(bootstrap, clean), clean, ends);

            Path killed = work.resolve("killed");
            List<Long> killedAt = new ArrayList<>();
            for (int kill = 1; kill <= 3; kill++) {
                Process consumer = consumers.start(bootstrap, killed);
                long threshold = records * kill / 4;
                try {
                    await("consumer " + kill + " past " + threshold + " records").atMost(Duration.ofSeconds(120))
                            .pollInterval(Duration.ofMillis(5))
                            .until(() -> checkpointed(killed.resolve("enriched")) >= threshold);
                } finally {
                    consumer.destroyForcibly(); // SIGKILL: no shutdown hook, no last batch
                    assertThat(consumer.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
                killedAt.add(checkpointed(killed.resolve("enriched")));
            }
            assertThat(killedAt).as("killed before the end of the backlog (%d records)", records)
                    .allMatch(at -> at < records);
            runToTheEnd(consumers.start(bootstrap, killed), killed, ends);

            Map<String, List<String>> expected = DatabaseTables.dump(ResultsDatabase.duckDbUrl(clean),
                    new Properties());
            Map<String, List<String>> actual = DatabaseTables.dump(ResultsDatabase.duckDbUrl(killed),
                    new Properties());
            assertThat(expected.get("articles")).hasSize(ARTICLES - ARTICLES / 20);
            assertThat(expected.get("casualty_tallies")).hasSize(150);
            assertThat(expected.get("speaker_tallies")).hasSize(100);
            for (String table : expected.keySet()) {
                assertThat(actual.get(table)).as(table + "\n" + consumers.consoles()).isEqualTo(expected.get(table));
            }
        }
    }

    /**
     * Lets the consumer read everything, then stops it with SIGTERM and checks its database's offsets. The tally
     * files show that the tallies were read back, which the database is given in the same poll or before.
     */
    private static void runToTheEnd(Process consumer, Path out, Map<Integer, Long> ends) throws Exception {
        try {
            await("the consumer caught up").atMost(Duration.ofSeconds(120))
                    .until(() -> offsets(out.resolve("enriched")).equals(ends)
                    && entries(out.resolve("casualties.json")) == 150
                    && entries(out.resolve("statements.json")) == 100);
        } finally {
            consumer.destroy();
            assertThat(consumer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(DatabaseTables.rows(ResultsDatabase.duckDbUrl(out), new Properties(),
                "SELECT partition_no, next_offset FROM frontline_offsets")).containsExactlyElementsOf(
                ends.entrySet().stream().map(e -> e.getKey() + "|" + e.getValue()).sorted().toList());
    }

    /**
     * The backlog: every article with a figure and a statement, one in ten again as a corrected version, one in
     * twenty withdrawn; casualty tallies (some deleted again) and statement tallies.
     */
    private static void produce(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            String enriched = TOPICS.enriched().name();
            for (int i = 0; i < ARTICLES; i++) {
                send(producer, enriched, id(i), TOPICS.enriched().valueSerde().serializer()
                        .serialize(enriched, article(i, 1)));
                if (i % 10 == 5) {
                    send(producer, enriched, id(i - 5), TOPICS.enriched().valueSerde().serializer()
                            .serialize(enriched, article(i - 5, 2)));
                }
                if (i % 20 == 19) {
                    send(producer, enriched, id(i - 10), null);
                }
                if (i % 100 == 0) {
                    tallies(producer, i / 100);
                }
            }
            producer.flush();
        }
    }

    private static void tallies(KafkaProducer<String, byte[]> producer, int n) {
        String casualties = TOPICS.casualties().name();
        String key = "killed|civilians|" + (n % 150);
        CasualtyTally tally = CasualtyTally.newBuilder().setOutcome("killed").setVictims("civilians")
                .setParty(Integer.toString(n % 150)).setIncidentTotal(n).setLatestCumulative(n * 10L)
                .setReports(n).setArticles(n).build();
        send(producer, casualties, key, TOPICS.casualties().valueSerde().serializer().serialize(casualties, tally));
        String speakers = TOPICS.statements().name();
        SpeakerTally speaker = SpeakerTally.newBuilder().setSpeaker("Speaker " + (n % 100)).setStatements(n)
                .setArticles(n).setLatestQuote("quote " + n).build();
        send(producer, speakers, "speaker " + (n % 100),
                TOPICS.statements().valueSerde().serializer().serialize(speakers, speaker));
        if (n % 7 == 3) {
            send(producer, casualties, "killed|civilians|gone-" + n, null);
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    private static String id(int i) {
        return String.format("article-%05d", i);
    }

    private static EnrichedArticle article(int i, int version) {
        Instant at = Instant.ofEpochMilli(1_700_000_000_000L + i * 1000L + version);
        return TestArticles.enriched(TestArticles.article(id(i)).setUrl("https://example.org/" + i)
                .setTitle("Report " + i).setBody("Two civilians were killed, report " + i + ".")
                .setPublished("2024-0" + (1 + i % 9)).setIngestedAt(at).build(), "en").setEnrichedAt(at)
                .setCasualties(List.of(CasualtyFigure.newBuilder().setCount(i * version).setOutcome("killed")
                        .setVictims("civilians").setParty(i % 2 == 0 ? "UA" : null).setCumulative(i % 3 == 0)
                        .setApproximate(false).setEvidence("Two civilians were killed").build()))
                .setStatements(List.of(Statement.newBuilder().setSpeaker("Speaker " + (i % 100))
                        .setQuote("Quote " + i + " v" + version).build()))
                .build();
    }

    private static int entries(Path tallies) throws Exception {
        return Files.exists(tallies) ? JSON.readTree(tallies.toFile()).size() : 0;
    }

}
