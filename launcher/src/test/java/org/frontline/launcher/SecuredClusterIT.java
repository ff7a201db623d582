package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.frontline.broker.testing.CommandRunner;
import org.frontline.broker.testing.KafkaBrokerExtension;
import org.frontline.schemas.TopicNames;
import org.frontline.schemas.TopicSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Frontline against a cluster secured as in production: a SASL_SSL listener (SCRAM-SHA-512, a CA made by the
 * test), ACLs enforced by the StandardAuthorizer, and one principal per role with exactly the ACLs the README
 * lists ("A secured cluster"), and one principal with all three roles' ACLs for {@code run}. Every command
 * that talks to Kafka is given only {@code --config client.properties}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SecuredClusterIT {

    private static final Pattern SERVING = Pattern.compile("Serving the API and the dashboard at (http://\\S+)/");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Long> SEED_TOTALS = Map.of("killed|civilians", 4L, "injured|civilians", 3L,
            "losses|military", 860L);
    private static final String APP = "frontline";
    private static final TopicNames TOPICS = TopicNames.defaults();

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.secured();

    @TempDir
    static Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void usersTopicsAndAcls() throws Exception {
        try (Admin admin = Admin.create(KAFKA.superUserClientProperties())) {
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            for (String user : List.of("producer", "streams", "consumer", "reader", "pipeline")) {
                users.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), user + "-secret"));
            }
            admin.alterUserScramCredentials(List.copyOf(users)).all().get(30, TimeUnit.SECONDS);
            // Topics are created by an operator, as on a production cluster: no role is allowed to create them.
            TopicSetup.ensure(admin, TopicSetup.newTopics(TOPICS, 3, (short) 1));
            admin.createAcls(acls()).all().get(30, TimeUnit.SECONDS);
        }
        for (String user : List.of("producer", "streams", "consumer", "reader", "pipeline")) {
            writeConfig(user, user + "-secret");
        }
        writeConfig("wrong", "not-the-password");
    }

    /** The table of the README's section "A secured cluster", as ACL bindings. */
    static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (String user : List.of("producer", "streams", "consumer", "reader")) {
            // Every role sees Frontline's topics, so that it can check they exist.
            allow(acls, user, ResourceType.TOPIC, "articles.", PatternType.PREFIXED, AclOperation.DESCRIBE);
            allow(acls, user, ResourceType.TOPIC, "tallies.", PatternType.PREFIXED, AclOperation.DESCRIBE);
        }
        allow(acls, "producer", ResourceType.TOPIC, TOPICS.raw(), PatternType.LITERAL, AclOperation.WRITE);
        allow(acls, "producer", ResourceType.TOPIC, TOPICS.rejected(), PatternType.LITERAL, AclOperation.WRITE);

        allow(acls, "streams", ResourceType.TOPIC, TOPICS.raw(), PatternType.LITERAL, AclOperation.READ);
        for (String topic : List.of(TOPICS.enriched(), TOPICS.casualties(), TOPICS.statements())) {
            allow(acls, "streams", ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ);
            allow(acls, "streams", ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE);
        }
        allow(acls, "streams", ResourceType.TOPIC, TOPICS.deadLetter(), PatternType.LITERAL, AclOperation.WRITE);
        allow(acls, "streams", ResourceType.TOPIC, APP + "-", PatternType.PREFIXED, AclOperation.ALL);
        allow(acls, "streams", ResourceType.GROUP, APP, PatternType.LITERAL, AclOperation.READ);
        allow(acls, "streams", ResourceType.GROUP, APP, PatternType.LITERAL, AclOperation.DESCRIBE);
        allow(acls, "streams", ResourceType.GROUP, APP, PatternType.LITERAL, AclOperation.DELETE);
        allow(acls, "streams", ResourceType.TRANSACTIONAL_ID, APP + "-", PatternType.PREFIXED, AclOperation.WRITE);
        allow(acls, "streams", ResourceType.TRANSACTIONAL_ID, APP + "-", PatternType.PREFIXED,
                AclOperation.DESCRIBE);

        for (String topic : List.of(TOPICS.enriched(), TOPICS.casualties(), TOPICS.statements())) {
            allow(acls, "consumer", ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ);
        }
        // A read-only principal: everything the consumer reads, and articles.raw, but no WRITE anywhere.
        allow(acls, "reader", ResourceType.TOPIC, "articles.", PatternType.PREFIXED, AclOperation.READ);
        allow(acls, "reader", ResourceType.TOPIC, "tallies.", PatternType.PREFIXED, AclOperation.READ);

        // `run` needs all three roles' ACLs: the producer's, the streams application's and the consumer's.
        List<String> roles = List.of("User:producer", "User:streams", "User:consumer");
        acls.addAll(acls.stream().filter(b -> roles.contains(b.entry().principal()))
                .map(b -> new AclBinding(b.pattern(), new AccessControlEntry("User:pipeline", "*",
                        b.entry().operation(), b.entry().permissionType())))
                .toList());
        return acls;
    }

    @Test
    @Order(1)
    void everyCommandWorksWithOnlyAClientPropertiesFile() throws Exception {
        Path seeds = Path.of("..", "seeds");
        CommandRunner.Result published = Cli.run("publish", "--config", config("producer"), seeds.toString());
        assertThat(published.exit()).as(published.output()).isZero();
        assertThat(published.output()).contains("published 5");

        CommandRunner.Running streams = Cli.start("streams", "--config", config("streams"),
                "--data", work.resolve("data").toString(), "--http", "0");
        String api = await("the query API serving").atMost(Duration.ofSeconds(120)).until(() -> {
            Matcher m = SERVING.matcher(streams.output());
            return m.find() ? m.group(1) : null;
        }, url -> url != null || !streams.isAlive());
        assertThat(api).as(streams.output()).isNotNull();
        await("the query API has the seeds' tallies").atMost(Duration.ofSeconds(120))
                .until(() -> getOk(api + "/api/casualties"), t -> t != null && rollUp(t).equals(SEED_TOTALS));
        await("the article table has every seed").atMost(Duration.ofSeconds(90))
                .until(() -> getOk(api + "/api/summary"), s -> s != null && s.get("articles").asInt() == 5);

        Path out = work.resolve("out");
        CommandRunner.Running consume = Cli.start("consume", "--config", config("consumer"), "--out", out.toString());
        await("the consumer's files hold the seeds' tallies").atMost(Duration.ofSeconds(120))
                .until(() -> casualtiesFile(out), t -> t != null && rollUp(t).equals(SEED_TOTALS));
        assertThat(consume.isAlive()).as(consume.output()).isTrue();

        CommandRunner.Result replayed = Cli.run("replay", "--config", config("producer"), seeds.toString());
        assertThat(replayed.exit()).as(replayed.output()).isZero();
        assertThat(replayed.output()).contains("published 5");

        assertThat(streams.stop(Duration.ofSeconds(90))).as(streams.output()).isZero();
        assertThat(streams.isAlive()).isFalse();
        CommandRunner.Result reset = Cli.run("reset", "--config", config("streams"),
                "--data", work.resolve("data").toString());
        assertThat(reset.exit()).as(reset.output()).isZero();
        assertThat(reset.output()).contains("Reset frontline");

        assertThat(consume.stop(Duration.ofSeconds(60))).as(consume.output()).isZero();
        assertThat(rollUp(casualtiesFile(out))).isEqualTo(SEED_TOTALS);
    }

    @Test
    @Order(2)
    void ingestPublishesAWatchedFileWithOnlyAClientPropertiesFile() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Map<TopicPartition, Long> before = endOffsets(TOPICS.raw());
        CommandRunner.Running ingest = Cli.start("ingest", "--config", config("producer"), "--watch",
                inbox.toString());
        await("ingest following").atMost(Duration.ofSeconds(60))
                .until(() -> ingest.output().contains("Following") || !ingest.isAlive());
        assertThat(ingest.isAlive()).as(ingest.output()).isTrue();

        Files.writeString(inbox.resolve("quiet.txt"), "The front line was quiet on Sunday, the general staff said.");

        await("the watched file on " + TOPICS.raw()).atMost(Duration.ofSeconds(60))
                .until(() -> published(before, endOffsets(TOPICS.raw())) == 1);
        assertThat(ingest.stop(Duration.ofSeconds(60))).as(ingest.output()).isZero();
        assertThat(ingest.output()).contains("Articles from watch: received 1, published 1, rejected 0");
    }

    @Test
    @Order(3)
    void runDoesTheWholePipelineWithOnlyAClientPropertiesFile() throws Exception {
        Path out = work.resolve("run-out");

        CommandRunner.Result run = Cli.run("run", "--config", config("pipeline"),
                "--data", work.resolve("run-data").toString(), "--out", out.toString(), "--no-database",
                Path.of("..", "seeds").toString());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).as("the secured cluster, no embedded broker")
                .contains("Kafka: " + KAFKA.bootstrapServers(), "published 5");
        assertThat(rollUp(casualtiesFile(out))).as("the seeds republished under their ids: tallies unchanged")
                .isEqualTo(SEED_TOTALS);
    }

    @Test
    @Order(4)
    void principalWithoutWritePermissionGetsOneLineNamingTheTopicAndNothingIsPublished() throws Exception {
        Map<TopicPartition, Long> before = endOffsets(TOPICS.raw());

        CommandRunner.Result result = Cli.run("publish", "--config", config("reader"),
                Path.of("..", "seeds").toString());

        assertThat(result.exit()).isEqualTo(Frontline.EXIT_FAILED);
        assertThat(result.output().strip()).hasLineCount(1).startsWith("frontline publish: not authorized to WRITE "
                + "to topic articles.raw (principal User:reader); nothing was sent.")
                .contains("--operation Write --topic articles.raw");
        assertThat(endOffsets(TOPICS.raw())).as("nothing half-published").isEqualTo(before);
    }

    @Test
    @Order(5)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void wrongPasswordIsAClearErrorNotAHang() throws Exception {
        CommandRunner.Result result = Cli.run("publish", "--config", config("wrong"),
                Path.of("..", "seeds").toString());

        assertThat(result.exit()).isEqualTo(Frontline.EXIT_FAILED);
        assertThat(result.output().strip()).hasLineCount(1).startsWith("frontline publish: cannot authenticate to "
                + "Kafka: ").contains("invalid credentials", "SCRAM-SHA-512");
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) {
        Map<String, Object> config = new HashMap<>(KAFKA.superUserClientProperties());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30));
        }
    }

    private static long published(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
        return after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    private static void allow(List<AclBinding> acls, String user, ResourceType type, String name,
                              PatternType pattern, AclOperation operation) {
        acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
    }

    private static void writeConfig(String name, String password) throws IOException {
        Properties props = new Properties();
        props.putAll(KAFKA.security().clientProperties(name.equals("wrong") ? "producer" : name, password));
        props.put("bootstrap.servers", KAFKA.bootstrapServers());
        try (Writer writer = Files.newBufferedWriter(work.resolve(name + ".properties"))) {
            props.store(writer, "client.properties for " + name);
        }
    }

    private static String config(String name) {
        return work.resolve(name + ".properties").toString();
    }

    private static JsonNode casualtiesFile(Path out) {
        try {
            Path file = out.resolve("casualties.json");
            return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private JsonNode getOk(String url) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, Long> rollUp(JsonNode tallies) {
        Map<String, Long> totals = new HashMap<>();
        tallies.forEach(t -> totals.merge(t.get("outcome").asText() + "|" + t.get("victims").asText(),
                t.get("incident_total").asLong(), Long::sum));
        return totals;
    }
}
