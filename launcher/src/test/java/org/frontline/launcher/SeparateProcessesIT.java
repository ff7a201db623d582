package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
        AtomicInteger streamsExit = new AtomicInteger(-1);
        AtomicInteger consumeExit = new AtomicInteger(-1);
        Thread streams = new Thread(() -> streamsExit.set(Cli.writingTo(new StringWriter()).execute("streams",
                "--bootstrap-servers", bootstrap, "--data", work.resolve("data").toString())), "streams");
        Thread consume = new Thread(() -> consumeExit.set(Cli.writingTo(new StringWriter()).execute("consume",
                "--bootstrap-servers", bootstrap, "--out", out.toString())), "consume");
        streams.start();

        assertThat(Cli.run("publish", "--bootstrap-servers", bootstrap, Path.of("..", "seeds").toString())
                .exit()).isZero();
        consume.start();

        Path inbox = Files.createDirectories(work.resolve("inbox"));
        StringWriter ingestConsole = new StringWriter();
        AtomicInteger ingestExit = new AtomicInteger(-1);
        Thread ingest = new Thread(() -> ingestExit.set(Cli.writingTo(ingestConsole).execute("ingest",
                "--bootstrap-servers", bootstrap, "--watch", inbox.toString())), "ingest");
        ingest.start();
        await("ingest following").atMost(Duration.ofSeconds(60))
                .until(() -> ingestConsole.toString().contains("Following"));
        Files.writeString(inbox.resolve("kherson.txt"), "Four civilians were killed in Kherson on Monday when "
                + "a shell hit a bus stop, the regional governor said.");

        await("tallies written").atMost(Duration.ofSeconds(120)).until(() ->
                Files.exists(out.resolve("casualties.json"))
                        && Files.readString(out.resolve("casualties.json")).contains("120160")
                        && Files.readString(out.resolve("statements.json")).contains("Jens Stoltenberg"));
        await("the watched article enriched").atMost(Duration.ofSeconds(60))
                .until(() -> EnrichedLog.readAll(out.resolve("enriched")).size() == 6);
        ingest.interrupt();
        ingest.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(ingestExit.get()).as(ingestConsole.toString()).isZero();
        assertThat(ingestConsole.toString()).contains("Articles from watch: received 1, published 1, rejected 0");
        streams.interrupt();
        consume.interrupt();
        streams.join(TimeUnit.SECONDS.toMillis(60));
        consume.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(streamsExit.get()).isZero();
        assertThat(consumeExit.get()).isZero();

        // Any topic as JSON Lines, for shell pipelines.
        Cli.Result dump = Cli.run("consume", "--bootstrap-servers", bootstrap, "--format", "json",
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
        Cli.Result unknown = Cli.run("consume", "--bootstrap-servers", bootstrap, "--format", "json", "nope");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.output()).contains("not a Frontline topic: nope");
    }
}
