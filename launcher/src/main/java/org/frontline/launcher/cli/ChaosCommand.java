package org.frontline.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.frontline.broker.BrokerCluster;
import org.frontline.launcher.chaos.ChaosReport;
import org.frontline.launcher.chaos.ChaosRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The exactly-once proof under faults: see {@link ChaosRun}. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Start a three-broker cluster, two streams instances, a consumer and a paced publish of a "
                + "synthetic corpus, each in its own JVM; kill -9 them at moments drawn from --seed; then, once "
                + "all is quiescent, compare the tallies (read_committed), articles.enriched and the consumer's "
                + "files with the tallies computed from `frontline extract` without Kafka. Exits 1 on any "
                + "difference, 2 when all is equal but a process exited by itself.")
public final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--articles", paramLabel = "N", defaultValue = "300", description = "Articles in the corpus "
            + "(default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--faults", paramLabel = "N", defaultValue = "10", description = "Faults to inject; every kind "
            + "at least once from 5 on (default: ${DEFAULT-VALUE}).")
    int faults;

    @Option(names = "--seed", paramLabel = "N", description = "Draws the corpus, the faults and their moments; "
            + "random when not given, and always printed so a run can be replayed.")
    Long seed;

    @Option(names = "--publish-seconds", paramLabel = "S", defaultValue = "30",
            description = "How long one publish run of the corpus takes; it is paced (default: ${DEFAULT-VALUE}).")
    int publishSeconds;

    @Option(names = "--max-gap", paramLabel = "S", defaultValue = "6",
            description = "Longest pause between two faults, in seconds (default: ${DEFAULT-VALUE}).")
    int maxGap;

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "corpus/dev",
            description = "Article files the synthetic corpus is made from (default: ${DEFAULT-VALUE}).")
    Path devCorpus;

    @Option(names = "--work", paramLabel = "DIR", description = "Where the cluster, the processes' state and logs, "
            + "the corpus and the output go; kept afterwards (default: a new temporary directory).")
    Path work;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (articles < 1 || faults < 0 || publishSeconds < 1 || maxGap < 1) {
            throw new IllegalArgumentException("--articles, --publish-seconds and --max-gap must be positive, "
                    + "--faults not negative");
        }
        long chosen = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("frontline-chaos-");
        try (BrokerCluster cluster = BrokerCluster.start(dir.resolve("cluster"), 3, Map.of())) {
            ChaosReport report = ChaosRun.run(new ChaosRun.Plan(articles, faults, chosen, devCorpus, dir,
                    publishSeconds, maxGap), cluster, out);
            out.println("Logs, state and output: " + dir);
            return !report.passed() ? 1 : report.incidents().isEmpty() ? 0 : 2;
        }
    }
}
