package org.frontline.launcher;

import static org.frontline.launcher.ConsumerProcesses.checkpointed;
import static org.frontline.launcher.ConsumerProcesses.endOffsets;
import static org.frontline.launcher.ConsumerProcesses.offsets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.frontline.avro.EnrichedArticle;
import org.frontline.broker.EmbeddedKafkaBroker;
import org.frontline.broker.testing.CommandRunner;
import org.frontline.consumer.EnrichedLog;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;
import org.frontline.schemas.TopicSetup;
import org.frontline.schemas.testing.TestArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code frontline consume} as its own process on a real embedded broker, killed with SIGKILL three
 * times while it works through a backlog (at least once with lines appended after its last
 * checkpoint), then started again on the same output directory: the enriched log holds every article
 * of the topic exactly once. An output directory from another cluster is not resumed but moved aside.
 */
class ConsumerRestartIT {

    private static final FrontlineTopics TOPICS = FrontlineTopics.named(TopicNames.defaults());
    private static final int ARTICLES = 15_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aConsumerKilledAtAnyMomentAndRestartedNeitherLosesNorRepeatsALine() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     broker.bootstrapServers()))) {
            String bootstrap = broker.bootstrapServers();
            TopicSetup.ensure(admin, TopicSetup.newTopics(TopicNames.defaults(), 3, (short) -1));
            Path out = work.resolve("out");
            Path log = out.resolve("enriched");

            await("partition leaders elected").atMost(Duration.ofSeconds(60)).until(() -> leadersElected(admin));
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Thread producing = new Thread(() -> produce(bootstrap, acknowledged), "produce");
            producing.start();
            ConsumerProcesses consumers = new ConsumerProcesses(work);
            int killedMidBatch = 0;
            for (int kill = 1; kill <= 3; kill++) {
                Process consumer = consumers.start(bootstrap, out, "--max-file-bytes", "65536");
                try {
                    long before = checkpointed(log);
                    await("consumer " + kill + " appending").atMost(Duration.ofSeconds(90))
                            .pollInterval(Duration.ofMillis(20)).until(() -> checkpointed(log) >= before + 500);
                    awaitLinesPastTheCheckpoint(log);
                } finally {
                    consumer.destroyForcibly(); // SIGKILL: no shutdown hook, no last checkpoint
                    assertThat(consumer.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
                killedMidBatch += linesPastTheCheckpoint(log) ? 1 : 0;
            }
            producing.join(TimeUnit.SECONDS.toMillis(150));
            assertThat(producing.isAlive()).as("producer done").isFalse();
            assertThat(killedMidBatch).as("kills that left lines after the checkpoint").isPositive();

            Map<Integer, Long> ends = endOffsets(admin, TOPICS.enriched().name());
            long records = ends.values().stream().mapToLong(Long::longValue).sum();
            Process last = consumers.start(bootstrap, out, "--max-file-bytes", "65536");
            try {
                await("the last consumer caught up").atMost(Duration.ofSeconds(90))
                        .until(() -> offsets(log).equals(ends));
            } finally {
                last.destroyForcibly();
                last.waitFor(30, TimeUnit.SECONDS);
            }

            List<String> ids = new ArrayList<>();
            EnrichedLog.forEachLine(log, line -> ids.add(line.get("article").get("id").asText()));
            String consoleText = consumers.consoles();
            // Every record of the topic once: as many lines as records, none twice, every acknowledged one there.
            assertThat(ids).as(consoleText).hasSize((int) records).doesNotHaveDuplicates().containsAll(acknowledged);
            assertThat(acknowledged).hasSizeGreaterThan(ARTICLES * 9 / 10);
            try (var files = Files.list(log)) {
                assertThat(files.filter(f -> f.toString().endsWith(".jsonl")).count())
                        .as("rolled over by size").isGreaterThan(3);
            }
            assertThat(count(consoleText, "Dropping the last") + count(consoleText, "begun after the last checkpoint"))
                    .as(consoleText).isGreaterThanOrEqualTo(killedMidBatch);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void anOutputDirectoryWrittenFromAnotherClusterIsMovedAsideNotResumed() throws Exception {
        Path out = work.resolve("out");
        String seeds = Path.of("..", "seeds").toString();
        CommandRunner.Result first = Cli.run("run", "--data", work.resolve("first").toString(), "--out", out.toString(),
                seeds);
        assertThat(first.exit()).as(first.output()).isZero();
        String oldTopicId = JSON.readTree(out.resolve("enriched").resolve(EnrichedLog.CHECKPOINT).toFile())
                .get("topic_id").asText();

        // A new broker, so a new articles.enriched: its offsets say nothing about the old one's.
        CommandRunner.Result second = Cli.run("run", "--data", work.resolve("second").toString(),
                "--out", out.toString(), Path.of("..", "seeds", "000_91f0c3ef87dcfaf1.txt").toString());
        assertThat(second.exit()).as(second.output()).isZero();

        assertThat(EnrichedLog.readAll(out.resolve("enriched-" + oldTopicId))).hasSize(5);
        assertThat(EnrichedLog.readAll(out.resolve("enriched"))).hasSize(1);
        assertThat(JSON.readTree(out.resolve("enriched").resolve(EnrichedLog.CHECKPOINT).toFile())
                .get("topic_id").asText()).isNotEqualTo(oldTopicId);
    }

    /**
     * Waits, briefly, for a moment when the consumer has appended lines its checkpoint does not cover
     * yet: the moment a crash must be recovered from. It may pass unseen; the kill then lands elsewhere.
     */
    private static void awaitLinesPastTheCheckpoint(Path log) {
        try {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1))
                    .until(() -> linesPastTheCheckpoint(log));
        } catch (ConditionTimeoutException e) {
            // Not seen within the time: the kill falls between two batches.
        }
    }

    /** True when the log's files hold more than its checkpoint says: a later file, or a longer active one. */
    private static boolean linesPastTheCheckpoint(Path log) throws Exception {
        JsonNode checkpoint = JSON.readTree(log.resolve(EnrichedLog.CHECKPOINT).toFile());
        String active = checkpoint.get("file").asText();
        try (var files = Files.list(log)) {
            if (files.map(f -> f.getFileName().toString())
                    .anyMatch(name -> name.endsWith(".jsonl") && name.compareTo(active) > 0)) {
                return true;
            }
        }
        return Files.size(log.resolve(active)) > checkpoint.get("length").asLong();
    }

    /** Sends the articles as fast as the broker takes them: the consumers read a backlog while they are killed. */
    private static void produce(String bootstrap, Set<String> acknowledged) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < ARTICLES; i++) {
                String id = String.format("article-%05d", i);
                EnrichedArticle article = TestArticles.enriched(id,
                        "Two civilians were killed in Kharkiv, report " + i + ". " + "x".repeat(300));
                producer.send(new ProducerRecord<>(TOPICS.enriched().name(), id,
                        TOPICS.enriched().valueSerde().serializer().serialize(TOPICS.enriched().name(), article)),
                        (metadata, e) -> {
                            if (e == null) {
                                acknowledged.add(id);
                            }
                        });
            }
        }
    }

    private static boolean leadersElected(Admin admin) throws Exception {
        return admin.describeTopics(List.of(TOPICS.enriched().name())).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(TOPICS.enriched().name()).partitions().stream().allMatch(p -> p.leader() != null);
    }

    private static int count(String text, String phrase) {
        return text.split(Pattern.quote(phrase), -1).length - 1;
    }
}
