package org.frontline.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.frontline.broker.testing.KafkaBrokerExtension;
import org.frontline.extract.Extractor;
import org.frontline.schemas.TopicNames;
import org.frontline.schemas.testing.TestArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An error Kafka Streams cannot get past, on a real broker, stops the application and is kept as its
 * {@link FrontlineStreams#failure()}, so that the runner's caller can exit non-zero (launcher's
 * {@code StreamsFailureIT} checks the command's exit and message).
 */
class StreamsFailureIT {

    @TempDir
    Path state;

    @RegisterExtension
    final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void fatalProducerErrorStopsTheApplicationAndIsKeptAsItsFailure() throws Exception {
        TopicNames names = TopicNames.defaults();
        // A casualty tally cannot fit in this topic's records: the producer's error is fatal.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(names.casualties(), 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "40",
                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        Properties client = new Properties();
        client.put("bootstrap.servers", kafka.bootstrapServers());

        try (FrontlineStreams streams = FrontlineStreams.start(StreamsSettings.from(client, state, 1),
                Extractor.create()::extract);
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                        kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(TestArticles.rawRecord(names.raw(), TestArticles.article("kharkiv",
                    "Three civilians were killed in the shelling of Kharkiv on Tuesday, officials said.")))
                    .get(30, TimeUnit.SECONDS);

            await("the application stops on the error").atMost(Duration.ofSeconds(120))
                    .until(() -> streams.failure() != null);
            // Stopping on the error: PENDING_ERROR until its threads and their producers have closed, which
            // can take the close timeout and more on a loaded machine; then ERROR.
            await("Kafka Streams stopping on the error").atMost(Duration.ofSeconds(120))
                    .until(() -> EnumSet.of(KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR)
                            .contains(streams.kafkaStreams().state()));
            assertThat(streams.failure()).hasStackTraceContaining("RecordTooLargeException");
        }
    }
}
