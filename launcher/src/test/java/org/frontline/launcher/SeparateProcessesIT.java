package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.frontline.broker.testing.CommandRunner;
import org.frontline.broker.testing.KafkaBrokerExtension;
import org.frontline.consumer.EnrichedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** publish, ingest, streams and consume as separate pieces against one cluster give the tallies run gives. */
class SeparateProcessesIT {

    @TempDir
    Path work;

    @RegisterExtension
    final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void publishStreamsAndConsumeAgainstOneCluster() throws Exception {
        String bootstrap = kafka.bootstrapServers();
        Path out = work.resolve("out");
        CommandRunner.Running streams = Cli.start("streams", "--bootstrap-servers", bootstrap,
                "--data", work.resolve("data").toString());

        assertThat(Cli.run("publish", "--bootstrap-servers", bootstrap, Path.of("..", "seeds").toString())
                .exit()).isZero();
        CommandRunner.Running consume = Cli.start("consume", "--bootstrap-servers", bootstrap, "--out",
                out.toString());

        Path inbox = Files.createDirectories(work.resolve("inbox"));
        CommandRunner.Running ingest = Cli.start("ingest", "--bootstrap-servers", bootstrap, "--watch",
                inbox.toString());
        await("ingest following").atMost(Duration.ofSeconds(60)).until(() -> ingest.output().contains("Following"));
        Files.writeString(inbox.resolve("kherson.txt"), "Four civilians were killed in Kherson on Monday when "
                + "a shell hit a bus stop, the regional governor said.");

        await("tallies written").atMost(Duration.ofSeconds(120)).until(() ->
                Files.exists(out.resolve("casualties.json"))
                        && Files.readString(out.resolve("casualties.json")).contains("120160")
                        && Files.readString(out.resolve("statements.json")).contains("Jens Stoltenberg"));
        await("the watched article enriched").atMost(Duration.ofSeconds(60))
                .until(() -> EnrichedLog.readAll(out.resolve("enriched")).size() == 6);
        assertThat(ingest.stop(Duration.ofSeconds(60))).as(ingest.output()).isZero();
        assertThat(ingest.output()).contains("Articles from watch: received 1, published 1, rejected 0");
        streams.interrupt();
        consume.interrupt();
        assertThat(streams.awaitExit(Duration.ofSeconds(60))).isZero();
        assertThat(consume.awaitExit(Duration.ofSeconds(60))).isZero();

        // Any topic as JSON Lines, for shell pipelines.
        CommandRunner.Result dump = Cli.run("consume", "--bootstrap-servers", bootstrap, "--format", "json",
                "tallies.casualties");
        assertThat(dump.exit()).as(dump.output()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : dump.output().strip().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.get("topic").asText()).isEqualTo("tallies.casualties");
            assertThat(line.has("offset")).isTrue();
        });
        assertThat(lines).anySatisfy(line ->
                assertThat(line.get("value").get("latest_cumulative").asLong()).isEqualTo(120160));
        CommandRunner.Result unknown = Cli.run("consume", "--bootstrap-servers", bootstrap, "--format", "json", "nope");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.output()).contains("not a Frontline topic: nope");
    }
}
