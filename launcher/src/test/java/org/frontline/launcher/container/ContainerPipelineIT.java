package org.frontline.launcher.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.frontline.consumer.EnrichedLog;
import org.frontline.launcher.Frontline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * The main job against a broker in a container, as a user's CI would run it: the five seeds through
 * {@code frontline run --bootstrap-servers} (producer, streams application and consumer on an
 * existing cluster) into the tallies. The broker is Testcontainers' {@link KafkaContainer} with the
 * image of {@code -Dkafka.image} (default {@value #DEFAULT_IMAGE}), topic auto-creation off, so
 * Frontline must create its own topics.
 *
 * <p>Without a Docker engine the tests are skipped, except on CI ({@code CI=true}), where they fail.
 */
class ContainerPipelineIT {

    static final String DEFAULT_IMAGE = "apache/kafka:4.3.1";
    private static final Path SEEDS = Path.of("..", "seeds");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaContainer kafka;
    private static String unavailable;

    @TempDir
    Path work;

    @BeforeAll
    static void startBroker() {
        unavailable = dockerEngineProblem();
        if (unavailable != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true and " + unavailable + ": the container integration tests cannot run");
            }
            System.err.println("Container integration tests skipped: " + unavailable
                    + "; on CI (CI=true) this fails the build");
            return;
        }
        String image = System.getProperty("kafka.image", DEFAULT_IMAGE);
        kafka = new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        kafka.start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    /** Off CI, without an engine, every test is skipped (reported as such), not passed. */
    @BeforeEach
    void skipWithoutDockerEngine() {
        Assumptions.assumeTrue(unavailable == null, () -> "no Docker engine: " + unavailable);
    }

    /** Why the Docker engine cannot be used, or null when it can. */
    private static String dockerEngineProblem() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? null
                    : "no Docker engine answers (start dockerd, or set DOCKER_HOST)";
        } catch (RuntimeException e) {
            return "the Docker engine cannot be used (" + e.getMessage() + ")";
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void seedsThroughAContainerisedBrokerBecomeTheTallies() throws Exception {
        Path out = work.resolve("out");

        String console = frontline("run", "--bootstrap-servers", kafka.getBootstrapServers(),
                "--data", work.resolve("data").toString(), "--out", out.toString(), SEEDS.toString());

        assertThat(console).contains("received 5, published 5, rejected 0", "Casualty tallies", "Jens Stoltenberg")
                .doesNotContain("embedded broker");
        Map<String, long[]> casualties = casualtiesByOutcomeAndVictims(out);
        assertThat(casualties.get("killed|civilians")).containsExactly(4, 6655);
        assertThat(casualties.get("injured|civilians")).containsExactly(3, 10368);
        assertThat(casualties.get("losses|military")).containsExactly(860, 120160);
        assertThat(EnrichedLog.readAll(out.resolve("enriched"))).hasSize(5);
        assertThat(JSON.readTree(out.resolve("statements.json").toFile()).findValuesAsText("speaker"))
                .contains("Jens Stoltenberg", "Dmitry Peskov", "John Kirby");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void publishingCreatesEveryTopicWithItsCleanupPolicy() throws Exception {
        frontline("publish", "--bootstrap-servers", kafka.getBootstrapServers(),
                "--data", work.resolve("data").toString(), SEEDS.toString());

        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            List<String> compacted = List.of("articles.raw", "articles.enriched", "tallies.casualties",
                    "tallies.statements");
            List<String> expiring = List.of("articles.rejected", "articles.dlq");
            for (String topic : compacted) {
                assertThat(cleanupPolicy(admin, topic)).as(topic).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            for (String topic : expiring) {
                assertThat(cleanupPolicy(admin, topic)).as(topic).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
            }
            assertThat(admin.describeTopics(List.of("articles.raw")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("articles.raw").partitions()).hasSize(3);
        }
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }

    /** Runs the frontline command in this JVM and returns what it printed; it must exit 0. */
    private static String frontline(String... args) {
        StringWriter console = new StringWriter();
        CommandLine cli = Frontline.commandLine();
        cli.setOut(new PrintWriter(console, true));
        cli.setErr(new PrintWriter(console, true));
        int exit = cli.execute(args);
        assertThat(exit).as("frontline %s: %s", String.join(" ", args), console).isZero();
        return console.toString();
    }

    /** Incident total and largest cumulative figure per (outcome, victims), all parties together. */
    private static Map<String, long[]> casualtiesByOutcomeAndVictims(Path out) throws Exception {
        Map<String, long[]> rollups = new HashMap<>();
        for (JsonNode tally : JSON.readTree(out.resolve("casualties.json").toFile())) {
            long[] rollup = rollups.computeIfAbsent(
                    tally.get("outcome").asText() + "|" + tally.get("victims").asText(), key -> new long[2]);
            rollup[0] += tally.get("incident_total").asLong();
            rollup[1] = Math.max(rollup[1], tally.get("latest_cumulative").asLong(0));
        }
        return rollups;
    }
}
