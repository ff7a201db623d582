package org.frontline.launcher.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.frontline.broker.testing.KafkaClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of {@code frontline chaos} for CI: 300 articles and ten faults on a three-broker cluster,
 * every process killed with SIGKILL at least once, then the tallies and articles compared with the oracle.
 * The seed is random and printed; {@code -Dchaos.seed=N} replays a run.
 */
class ChaosIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @TempDir
    Path work;

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void tenFaultsLoseAndDoubleCountNothing() throws Exception {
        String given = System.getProperty("chaos.seed", "");
        long seed = given.isBlank() ? ThreadLocalRandom.current().nextLong(1, 1_000_000_000L) : Long.parseLong(given);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

        ChaosReport report = ChaosRun.run(new ChaosRun.Plan(300, 10, seed, Path.of("..", "corpus", "dev"), work,
                30, 6), KAFKA.cluster(), out);

        assertThat(report.faults()).hasSize(10);
        assertThat(EnumSet.copyOf(report.faults().stream().map(ChaosRun.Fault::kind).toList()))
                .isEqualTo(EnumSet.allOf(ChaosRun.Kind.class));
        assertThat(report.onTopics().differences()).as("tally topics against the oracle, seed " + seed).isEmpty();
        assertThat(report.enrichedProblems()).as("articles.enriched, seed " + seed).isEmpty();
        assertThat(report.inFiles().differences()).as("consumer's tally files, seed " + seed).isEmpty();
        assertThat(report.fileProblems()).as("consumer's enriched log, seed " + seed).isEmpty();
        assertThat(report.passed()).isTrue();
        // A process that stops by itself is a bug even when the tallies come out right after its restart.
        assertThat(report.incidents()).as("processes that exited by themselves, seed " + seed).isEmpty();
    }
}
