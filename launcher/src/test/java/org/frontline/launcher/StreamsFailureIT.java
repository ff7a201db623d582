package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.frontline.broker.testing.CommandRunner;
import org.frontline.broker.testing.KafkaBrokerExtension;
import org.frontline.schemas.TopicNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An error Kafka Streams cannot get past ends `frontline streams` with a message and a non-zero exit. */
class StreamsFailureIT {

    @TempDir
    Path work;

    @RegisterExtension
    final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void fatalStreamsErrorStopsTheCommandWithANonZeroExit() throws Exception {
        String bootstrap = kafka.bootstrapServers();
        // A casualty tally cannot fit in this topic's records: the producer's error is fatal.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TopicNames.defaults().casualties(), 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "40",
                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        CommandRunner.Running streams = Cli.start("streams", "--bootstrap-servers", bootstrap,
                "--data", work.resolve("data").toString());

        assertThat(Cli.run("publish", "--bootstrap-servers", bootstrap, Path.of("..", "seeds").toString())
                .exit()).isZero();

        await("the streams command exits").atMost(Duration.ofSeconds(120)).until(() -> !streams.isAlive());
        assertThat(streams.exit()).isEqualTo(Frontline.EXIT_FAILED);
        assertThat(streams.output()).contains("frontline streams: the streams application stopped on an "
                + "unrecoverable error");
    }
}
