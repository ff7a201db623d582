package org.frontline.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.frontline.consumer.EnrichedLogTest.permissions;
import static org.frontline.schemas.testing.TestArticles.enriched;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.frontline.avro.CasualtyTally;
import org.frontline.consumer.db.ResultsDatabase;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The consumer against Kafka's {@link MockConsumer}: what it appends, where it resumes, when it writes tallies. */
class TallyConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FrontlineTopics TOPICS = FrontlineTopics.named(TopicNames.defaults());
    private static final TopicPartition ARTICLES_0 = new TopicPartition(TOPICS.enriched().name(), 0);
    private static final TopicPartition ARTICLES_1 = new TopicPartition(TOPICS.enriched().name(), 1);
    private static final TopicPartition CASUALTIES = new TopicPartition(TOPICS.casualties().name(), 0);
    private static final TopicPartition STATEMENTS = new TopicPartition(TOPICS.statements().name(), 0);

    @TempDir
    Path out;

    /** Each consumer gets its own mock cluster view: the same records, read from where it resumes. */
    private MockConsumer<String, byte[]> kafka;
    private final Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> topic = new HashMap<>();
    private String topicId = "topic-id-1";

    @Test
    void aConsumerKilledBetweenAppendingAndCheckpointingResumesWithNoLineLostOrRepeated() throws Exception {
        article(ARTICLES_0, "a0", "zero");
        article(ARTICLES_1, "b0", "zero");
        try (TallyConsumer first = consumer(Duration.ZERO)) {
            first.assignAll();
            deliverAll();
            first.pollOnce(Duration.ZERO);
        }
        Path checkpoint = out.resolve("enriched").resolve(EnrichedLog.CHECKPOINT);
        Path saved = Files.copy(checkpoint, out.resolve("checkpoint-after-first-batch.json"));

        article(ARTICLES_0, "a1", "one");
        tombstone(ARTICLES_1, "b0");
        article(ARTICLES_0, "a2", "two");
        try (TallyConsumer second = consumer(Duration.ZERO)) {
            second.assignAll();
            deliverAll();
            second.pollOnce(Duration.ZERO);
        }
        // The second batch reached the file, but the checkpoint after it did not: as if killed in between.
        Files.move(saved, checkpoint, StandardCopyOption.REPLACE_EXISTING);

        article(ARTICLES_1, "b1", "one");
        try (TallyConsumer restarted = consumer(Duration.ZERO)) {
            restarted.assignAll();
            assertThat(kafka.position(ARTICLES_0)).isEqualTo(1);
            assertThat(kafka.position(ARTICLES_1)).isEqualTo(1);
            deliverAll();
            restarted.pollOnce(Duration.ZERO);
            assertThat(restarted.positions()).containsEntry(ARTICLES_0, 3L).containsEntry(ARTICLES_1, 3L);
        }

        List<String> lines = new ArrayList<>();
        EnrichedLog.forEachLine(out.resolve("enriched"), line -> lines.add(describe(line)));
        assertThat(lines).containsExactlyInAnyOrder("a0", "b0", "a1", "withdrawn b0", "a2", "b1");
        assertThat(lines).containsSubsequence("a0", "a1", "a2").containsSubsequence("b0", "withdrawn b0", "b1");
        assertThat(EnrichedLog.readAll(out.resolve("enriched"))).containsOnlyKeys("a0", "a1", "a2", "b1");
    }

    @Test
    void aDatabaseBehindTheLogGetsWhatItLacksAndTheLogNothingTwice() throws Exception {
        article(ARTICLES_0, "a0", "zero");
        article(ARTICLES_1, "b0", "zero");
        try (TallyConsumer first = consumer(Duration.ZERO)) {
            first.assignAll();
            deliverAll();
            first.pollOnce(Duration.ZERO);
        }

        article(ARTICLES_0, "a1", "one");
        tombstone(ARTICLES_1, "b0");
        casualty(3, "UA");
        kafka = newKafka();
        String url = ResultsDatabase.duckDbUrl(out);
        try (TallyConsumer withDatabase = new TallyConsumer(kafka, name -> topicId, TOPICS, out, Duration.ZERO,
                EnrichedLog.DEFAULT_MAX_FILE_BYTES, ResultsDatabase.open(url, new Properties()))) {
            withDatabase.assignAll();
            // The log is complete up to offset 1 of each partition, the new database not at all.
            assertThat(kafka.position(ARTICLES_0)).isZero();
            deliverAll();
            withDatabase.pollOnce(Duration.ZERO);
            assertThat(withDatabase.positions()).containsEntry(ARTICLES_0, 2L).containsEntry(ARTICLES_1, 2L);
        }

        List<String> lines = new ArrayList<>();
        EnrichedLog.forEachLine(out.resolve("enriched"), line -> lines.add(describe(line)));
        assertThat(lines).containsExactlyInAnyOrder("a0", "b0", "a1", "withdrawn b0");
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            assertThat(column(sql, "SELECT id FROM articles ORDER BY id")).containsExactly("a0", "a1");
            assertThat(column(sql, "SELECT partition_no || ':' || next_offset FROM frontline_offsets ORDER BY 1"))
                    .containsExactly("0:2", "1:2");
            assertThat(column(sql, "SELECT tally_key FROM casualty_tallies")).containsExactly("UA");
        }
    }

    private static List<String> column(Statement sql, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void anUndecodableArticleIsCountedAndSkippedAndTheLogGoesPastIt() throws Exception {
        article(ARTICLES_0, "a0", "zero");
        add(ARTICLES_0, "bad", new byte[] {1, 2, 3});
        article(ARTICLES_0, "a2", "two");
        try (TallyConsumer consumer = consumer(Duration.ZERO)) {
            consumer.assignAll();
            deliverAll();
            consumer.pollOnce(Duration.ZERO);

            assertThat(consumer.undecodable()).isEqualTo(1);
            assertThat(consumer.positions()).containsEntry(ARTICLES_0, 3L);
        }
        assertThat(EnrichedLog.readAll(out.resolve("enriched"))).containsOnlyKeys("a0", "a2");
    }

    @Test
    void aCheckpointPastTheEndOfItsPartitionIsRefused() throws Exception {
        article(ARTICLES_0, "a0", "zero");
        article(ARTICLES_0, "a1", "one");
        try (TallyConsumer consumer = consumer(Duration.ZERO)) {
            consumer.assignAll();
            deliverAll();
            consumer.pollOnce(Duration.ZERO);
        }
        topic.clear();

        // The same topic, with records the log holds gone from it.
        try (TallyConsumer consumer = consumer(Duration.ZERO)) {
            assertThatThrownBy(consumer::assignAll).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("articles.enriched-0 ends at offset 0")
                    .hasMessageContaining("was read up to offset 2");
        }
    }

    @Test
    void onARecreatedTopicTheOldLogIsMovedAsideAndTheNewTopicReadFromTheBeginning() throws Exception {
        article(ARTICLES_0, "a0", "old");
        article(ARTICLES_0, "a1", "old");
        article(ARTICLES_0, "a2", "old");
        try (TallyConsumer consumer = consumer(Duration.ZERO)) {
            consumer.assignAll();
            deliverAll();
            consumer.pollOnce(Duration.ZERO);
        }
        topic.clear();
        topicId = "topic-id-2";
        article(ARTICLES_0, "n0", "new");

        try (TallyConsumer consumer = consumer(Duration.ZERO)) {
            consumer.assignAll();
            assertThat(kafka.position(ARTICLES_0)).isZero();
            deliverAll();
            consumer.pollOnce(Duration.ZERO);
        }

        assertThat(EnrichedLog.readAll(out.resolve("enriched"))).containsOnlyKeys("n0");
        assertThat(EnrichedLog.readAll(out.resolve("enriched-topic-id-1"))).containsOnlyKeys("a0", "a1", "a2");
    }

    @Test
    @Timeout(30)
    void tallyFilesAreRewrittenAtMostOncePerIntervalAndOnceMoreWhenItStops() throws Exception {
        casualty(1, "kharkiv");
        TallyConsumer consumer = consumer(Duration.ofHours(1));
        kafka.schedulePollTask(this::deliverAll);
        Thread running = new Thread(consumer, "consume");
        running.start();
        await("the first tally written").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(incidents()).containsExactly(1L));

        casualty(4, "odesa");
        kafka.schedulePollTask(this::deliverAll);
        await("the second tally read").atMost(Duration.ofSeconds(10))
                .until(() -> consumer.positions().getOrDefault(CASUALTIES, 0L) == 2);
        assertThat(incidents()).as("not rewritten within the interval").containsExactly(1L);

        consumer.stop();
        running.join(10_000);
        consumer.close();
        assertThat(incidents()).as("rewritten when it stops").containsExactlyInAnyOrder(1L, 4L);
    }

    @Test
    void atStartUpTheTallyFilesWaitUntilEveryTallyThereWasIsRead() throws Exception {
        Files.writeString(out.resolve("casualties.json"), "[ ]\n");
        casualty(1, "kharkiv");
        casualty(4, "odesa");
        kafka = newKafka();
        kafka.setMaxPollRecords(1);
        try (TallyConsumer consumer = new TallyConsumer(kafka, name -> topicId, TOPICS, out, Duration.ZERO,
                EnrichedLog.DEFAULT_MAX_FILE_BYTES)) {
            consumer.assignAll();
            deliverAll();
            consumer.pollOnce(Duration.ZERO);
            assertThat(incidents()).as("one of two tallies read").isEmpty();
            consumer.pollOnce(Duration.ZERO);
            assertThat(incidents()).containsExactlyInAnyOrder(1L, 4L);
        }
    }

    @Test
    void everyFileAndDirectoryItCreatesIsReadableByOtherUsers() throws Exception {
        assumeThat(out.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path nested = out.resolve("shared").resolve("out");
        article(ARTICLES_0, "a0", "zero");
        casualty(1, "kharkiv");
        kafka = newKafka();
        try (TallyConsumer consumer = new TallyConsumer(kafka, name -> topicId, TOPICS, nested, Duration.ZERO,
                EnrichedLog.DEFAULT_MAX_FILE_BYTES)) {
            consumer.assignAll();
            deliverAll();
            consumer.pollOnce(Duration.ZERO);
        }

        for (Path dir : List.of(out.resolve("shared"), nested, nested.resolve("enriched"))) {
            assertThat(permissions(dir)).as(dir.toString()).isEqualTo("rwxr-xr-x");
        }
        for (String file : List.of("casualties.json", "casualties.csv", "statements.json", "statements.csv",
                "enriched/checkpoint.json", "enriched/enriched-000000.jsonl")) {
            assertThat(permissions(nested.resolve(file))).as(file).isEqualTo("rw-r--r--");
        }
    }

    private TallyConsumer consumer(Duration tallyInterval) {
        kafka = newKafka();
        return new TallyConsumer(kafka, name -> topicId, TOPICS, out, tallyInterval,
                EnrichedLog.DEFAULT_MAX_FILE_BYTES);
    }

    private MockConsumer<String, byte[]> newKafka() {
        MockConsumer<String, byte[]> mock = new MockConsumer<>("none");
        Map<TopicPartition, Long> beginnings = new HashMap<>();
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicPartition p : List.of(ARTICLES_0, ARTICLES_1, CASUALTIES, STATEMENTS)) {
            beginnings.put(p, 0L);
            ends.put(p, (long) topic.getOrDefault(p, List.of()).size());
        }
        partitions(mock, TOPICS.enriched().name(), 2);
        partitions(mock, TOPICS.casualties().name(), 1);
        partitions(mock, TOPICS.statements().name(), 1);
        mock.updateBeginningOffsets(beginnings);
        mock.updateEndOffsets(ends);
        return mock;
    }

    private static void partitions(MockConsumer<String, byte[]> mock, String name, int count) {
        Node node = new Node(0, "localhost", 9092);
        List<PartitionInfo> infos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            infos.add(new PartitionInfo(name, i, node, new Node[] {node}, new Node[] {node}));
        }
        mock.updatePartitions(name, infos);
    }

    /** Hands the mock every record of the topic; it returns those at or past each partition's position. */
    private void deliverAll() {
        topic.values().forEach(records -> records.forEach(kafka::addRecord));
        Map<TopicPartition, Long> ends = new HashMap<>();
        topic.forEach((p, records) -> ends.put(p, (long) records.size()));
        kafka.updateEndOffsets(ends);
    }

    private void article(TopicPartition p, String id, String body) {
        add(p, id, TOPICS.enriched().valueSerde().serializer().serialize(p.topic(), enriched(id, body)));
    }

    private void tombstone(TopicPartition p, String id) {
        add(p, id, null);
    }

    private void casualty(int incidents, String key) {
        add(CASUALTIES, key, TOPICS.casualties().valueSerde().serializer().serialize(CASUALTIES.topic(),
                CasualtyTally.newBuilder().setOutcome("killed").setVictims("civilians").setParty(key)
                        .setIncidentTotal(incidents).setReports(1).setArticles(1).build()));
    }

    private void add(TopicPartition p, String key, byte[] value) {
        List<ConsumerRecord<String, byte[]>> records = topic.computeIfAbsent(p, k -> new ArrayList<>());
        records.add(new ConsumerRecord<>(p.topic(), p.partition(), records.size(), key, value));
    }

    private List<Long> incidents() throws Exception {
        List<Long> incidents = new ArrayList<>();
        for (JsonNode tally : JSON.readTree(out.resolve("casualties.json").toFile())) {
            incidents.add(tally.get("incident_total").asLong());
        }
        return incidents;
    }

    private static String describe(JsonNode line) {
        return line.has("withdrawn") ? "withdrawn " + line.get("withdrawn").asText()
                : line.get("article").get("id").asText();
    }
}
