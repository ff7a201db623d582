package org.frontline.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    @Timeout(180)
    void committedRecordsSurviveRestartOnTheSameDirectory() throws Exception {
        String topic = "articles-" + UUID.randomUUID();
        List<String> sent = List.of("a=first", "b=second", "c=third");
        String clusterId;

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            clusterId = broker.clusterId();
            createTopic(broker, topic);
            try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
                producer.initTransactions();
                producer.beginTransaction();
                for (String record : sent) {
                    String[] keyValue = record.split("=");
                    producer.send(new ProducerRecord<>(topic, keyValue[0], keyValue[1]));
                }
                producer.commitTransaction();
            }
            assertThat(readCommitted(broker, topic, sent.size())).containsExactlyElementsOf(sent);
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            assertThat(topicNames(broker)).contains(topic);
            assertThat(readCommitted(broker, topic, sent.size())).containsExactlyElementsOf(sent);
        }
    }

    @Test
    @Timeout(120)
    void readCommittedConsumerSkipsAbortedTransaction() throws Exception {
        String topic = "tallies-" + UUID.randomUUID();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            createTopic(broker, topic);
            try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "aborted"));
                producer.flush();
                producer.abortTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "committed"));
                producer.commitTransaction();
            }

            assertThat(readCommitted(broker, topic, 1)).containsExactly("k=committed");
        }
    }

    @Test
    @Timeout(120)
    void brokerLogGoesToTheDataDirectoryAndTopicsAreNotCreatedOnDemand() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            try (Admin admin = admin(broker)) {
                assertThat(admin.describeCluster().clusterId().get()).isEqualTo(broker.clusterId());
            }
            assertThat(topicNames(broker)).isEmpty();
        }

        Path log = dataDir.resolve(EmbeddedKafkaBroker.LOG_FILE);
        assertThat(log).isNotEmptyFile();
        assertThat(Files.readString(log)).contains("Kafka Server started");
    }

    @Test
    @Timeout(120)
    void secondBrokerOnTheSameDirectoryIsRefused() throws Exception {
        String topic = "guarded-" + UUID.randomUUID();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            createTopic(broker, topic);

            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir))
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining("Another Kafka broker is using");
            assertThat(topicNames(broker)).containsExactly(topic);
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            assertThat(topicNames(broker)).containsExactly(topic);
        }
    }

    @Test
    @Timeout(120)
    void failedStartLeavesTheDirectoryReadyForTheNextStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int controllerPort;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                controllerPort = free.getLocalPort();
            }
            Map<String, String> takenBrokerPort = Map.of(
                    "listeners", "PLAINTEXT://127.0.0.1:" + taken.getLocalPort()
                            + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners", "PLAINTEXT://127.0.0.1:" + taken.getLocalPort(),
                    "controller.quorum.voters", "1@127.0.0.1:" + controllerPort);

            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, takenBrokerPort))
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining("did not start")
                    .hasRootCauseInstanceOf(BindException.class);
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            assertThat(topicNames(broker)).isEmpty();
        }
    }

    private static void createTopic(EmbeddedKafkaBroker broker, String topic)
            throws ExecutionException, InterruptedException {
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static Set<String> topicNames(EmbeddedKafkaBroker broker)
            throws ExecutionException, InterruptedException {
        try (Admin admin = admin(broker)) {
            return admin.listTopics().names().get();
        }
    }

    private static List<String> readCommitted(EmbeddedKafkaBroker broker, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("committed records of " + topic)
                    .atMost(READ_TIMEOUT)
                    .pollInSameThread()
                    .untilAsserted(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.key() + "=" + r.value()));
                        assertThat(read).hasSizeGreaterThanOrEqualTo(expected);
                    });
            // One more poll shows that nothing beyond the expected records is visible.
            consumer.poll(Duration.ofMillis(500)).forEach(r -> read.add(r.key() + "=" + r.value()));
        }
        return read;
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafkaBroker broker) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "writer-" + UUID.randomUUID());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
