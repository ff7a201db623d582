package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.frontline.broker.testing.CommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code frontline bench} on a tiny corpus, on the embedded broker, with the streams application as a child JVM. */
class BenchCommandIT {

    private static final String CORPUS = Path.of("..", "corpus", "dev").toString();

    @TempDir
    Path work;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void benchMeasuresEveryPhaseAndCountsEveryArticle() throws Exception {
        Path json = work.resolve("results.json");
        CommandRunner.Result bench = Cli.run("bench", "--articles", "200", "--rate", "50", "--latency-seconds", "3",
                "--hot-speaker", "--hot-casualty", "--partitions", "2", "--corpus", CORPUS,
                "--data", work.resolve("data").toString(), "--json", json.toString());

        assertThat(bench.exit()).as(bench.output()).isZero();
        assertThat(bench.output()).contains("(a) bare Kafka", "(b) end to end", "(c) latency", "(d) streams JVM");
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        for (String path : List.of("/kafka/produce/records_per_second", "/kafka/produce/mb_per_second",
                "/kafka/consume/records_per_second", "/kafka/consume/mb_per_second",
                "/end_to_end/articles_per_second", "/end_to_end/second_half_per_second",
                "/end_to_end/ratio_to_kafka_produce",
                "/latency/achieved_rate", "/latency/to_enriched/count", "/latency/to_enriched/p99",
                "/latency/to_tally/count", "/latency/to_tally/p99", "/resources/peak_heap_bytes",
                "/resources/heap_max_bytes", "/resources/changelog_bytes", "/resources/output_bytes",
                "/resources/changelog_bytes_per_article", "/resources/state_dir_bytes")) {
            assertThat(result.at(path).asDouble()).as(path).isPositive();
        }
        JsonNode endToEnd = result.get("end_to_end");
        assertThat(endToEnd.get("articles").asInt()).isEqualTo(200);
        assertThat(endToEnd.get("enriched_articles").asInt()).isEqualTo(200);
        assertThat(endToEnd.get("hot_speaker_articles").asInt()).isEqualTo(200);
        assertThat(endToEnd.get("hot_casualty_articles").asInt()).isEqualTo(200);
        JsonNode latency = result.get("latency");
        assertThat(latency.get("articles").asInt()).isEqualTo(150);
        assertThat(latency.get("to_enriched").get("count").asInt()).isEqualTo(150);
        assertThat(latency.get("enriched_articles").asInt()).isEqualTo(350);
        assertThat(latency.get("hot_speaker_articles").asInt()).isEqualTo(350);
        assertThat(result.at("/resources/heap_max_bytes").asLong()).isLessThanOrEqualTo(512L * 1024 * 1024);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aStreamsProcessThatDiesFailsTheBenchWithItsExitCodeAndLog() {
        CommandRunner.Result bench = Cli.run("bench", "--articles", "20", "--latency-seconds", "0",
                "--streams-heap", "1m", "--corpus", CORPUS, "--data", work.resolve("data").toString(),
                "--json", work.resolve("results.json").toString());

        assertThat(bench.exit()).as(bench.output()).isEqualTo(Frontline.EXIT_FAILED);
        assertThat(bench.output()).contains("the streams process exited early with code 1", "heap");
        assertThat(work.resolve("results.json")).doesNotExist();
    }
}
