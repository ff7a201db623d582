package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.frontline.broker.testing.CommandRunner;
import org.frontline.broker.testing.KafkaBrokerExtension;
import org.frontline.broker.testing.TopicRecords;
import org.frontline.schemas.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `frontline publish` against a real broker: what it prints for good and bad files and its exit code, with
 * the topics named by its {@code --config}. What the publisher does with each file is producer's
 * {@code FilePublishingIT}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PublishCommandIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    static Path configs;

    @TempDir
    Path corpus;

    @Test
    void publishesGoodFilesReportsBadOnesAndExitsNonZero() throws Exception {
        TestFiles.writeGoodAndBad(corpus);

        CommandRunner.Result result = publish("test1.", "--max-bytes", "1024", corpus.toString());

        assertThat(result.exit()).isEqualTo(Frontline.EXIT_REJECTED);
        assertThat(result.output()).contains("received 7, published 2, rejected 5",
                "empty.txt: empty", "blank.txt: only white space", "latin1.txt: not UTF-8 text",
                "binary.txt: binary data", "huge.txt: larger than the limit: 2048 bytes, limit 1024");
        assertThat(TopicRecords.readAll(KAFKA.bootstrapServers(), "test1.articles.raw", new ByteArrayDeserializer(),
                new ByteArrayDeserializer())).as("the good files, on the topic --config names").hasSize(2);
    }

    @Test
    void publishingOnlyGoodFilesExitsZero() throws Exception {
        Files.writeString(corpus.resolve("a.txt"), "Two civilians were killed.");

        CommandRunner.Result result = publish("test2.", corpus.toString());

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("received 1, published 1, rejected 0");
    }

    private static CommandRunner.Result publish(String topicPrefix, String... args) throws Exception {
        Path config = Files.createTempFile(configs, "client", ".properties");
        Files.writeString(config, "frontline.topic.prefix=" + topicPrefix + "\n");
        List<String> all = new ArrayList<>(List.of("publish", "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--config", config.toString(), "--partitions", "1"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }
}
