package org.frontline.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.frontline.launcher.Cluster;
import org.frontline.launcher.bench.Bench;
import org.frontline.launcher.bench.BenchReport;
import org.frontline.launcher.bench.BenchResult;
import org.frontline.launcher.bench.SyntheticCorpus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A benchmark anyone can rerun: bare Kafka, the pipeline end to end, latency, and what the streams JVM used. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Frontline on a synthetic corpus: (a) bare Kafka producer and consumer throughput, "
                + "(b) articles/s end to end until every tally counts every article, (c) publish-to-enriched and "
                + "publish-to-tally latency at a fixed rate, (d) the streams JVM's peak heap, changelog and output "
                + "bytes per article and its state on disk. Starts an embedded broker in a fresh temporary "
                + "directory (deleted afterwards; --data DIR uses and keeps DIR instead) unless a cluster is "
                + "given, and the streams application in a JVM of its own. Prints a table and writes the results "
                + "as JSON. See docs/performance.md.")
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "10000",
            description = "Articles published at full speed (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the synthetic corpus; the same seed gives the same articles (default: "
                    + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hot-speaker", description = "Every article also quotes one fixed speaker ("
            + SyntheticCorpus.HOT_SPEAKER + ").")
    boolean hotSpeaker;

    @Option(names = "--hot-casualty", description = "Every article also reports one fixed casualty key "
            + "(killed, civilians, UA).")
    boolean hotCasualty;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "200",
            description = "Articles per second of the latency phase (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--latency-seconds", paramLabel = "SECONDS", defaultValue = "30",
            description = "Length of the latency phase, after the full-speed one; 0 skips it (default: "
                    + "${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--streams-heap", paramLabel = "SIZE", defaultValue = "512m",
            description = "-Xmx of the streams JVM (default: ${DEFAULT-VALUE}).")
    String streamsHeap;

    @Option(names = "--streams-threads", paramLabel = "N", defaultValue = "1",
            description = "num.stream.threads (default: ${DEFAULT-VALUE}).")
    int streamsThreads;

    @Option(names = "--commit-interval-ms", paramLabel = "MS", defaultValue = "100",
            description = "commit.interval.ms; Kafka Streams' default under exactly-once (default: ${DEFAULT-VALUE}).")
    long commitIntervalMs;

    @Option(names = "--cache-bytes", paramLabel = "BYTES", defaultValue = "10485760",
            description = "statestore.cache.max.bytes (default: ${DEFAULT-VALUE}).")
    long cacheBytes;

    @Option(names = "--consumer", paramLabel = "MODE", defaultValue = "none",
            description = "Run Frontline's consumer beside the pipeline, end to end then waiting for it too: none, "
                    + "files (the output files) or database (the files and the DuckDB database) (default: "
                    + "${DEFAULT-VALUE}).")
    Bench.ConsumerMode consumer;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Where the results go (default: bench-results/<timestamp>.json).")
    Path json;

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "corpus/dev",
            description = "The articles recombined into the synthetic corpus (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long each wait (start-up, catching up) may take (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter console = spec.commandLine().getOut();
        Properties client = kafka.clientProperties(System.getenv());
        boolean ownDir = !spec.commandLine().getParseResult().hasMatchedOption("--data");
        Path workDir = ownDir ? Files.createTempDirectory("frontline-bench-") : kafka.dataDir();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path results = json != null ? json
                : Path.of("bench-results", started.toString().replace(':', '-') + ".json");
        Bench bench = new Bench(new Bench.Options(articles, seed, new SyntheticCorpus.Hot(hotSpeaker, hotCasualty),
                rate, latencySeconds, kafka.partitions(), streamsHeap, streamsThreads, commitIntervalMs, cacheBytes,
                Duration.ofSeconds(timeoutSeconds), corpus, consumer), console);
        boolean succeeded = false;
        try {
            BenchResult result = Commands.interruptedOnStop(() -> {
                try (Cluster cluster = Cluster.connect(client, workDir)) {
                    console.println(cluster.embedded()
                            ? "Kafka: embedded broker at " + cluster.bootstrapServers() + ", data in " + workDir
                            : "Kafka: " + cluster.bootstrapServers() + " (streams state in " + workDir + ")");
                    return bench.run(cluster.clientProperties(),
                            cluster.embedded() ? "embedded" : cluster.bootstrapServers(), workDir);
                }
            });
            BenchReport.print(console, result);
            result.write(results);
            console.println();
            console.println("Results: " + results.toAbsolutePath().normalize());
            succeeded = true;
            return 0;
        } finally {
            if (ownDir && succeeded) {
                delete(workDir);
            } else if (ownDir) {
                spec.commandLine().getErr().println("frontline bench: kept " + workDir
                        + " (broker data, the streams log) for a look");
            }
        }
    }

    private void validate() {
        if (articles < 1) {
            throw new ParameterException(spec.commandLine(), "--articles must be at least 1");
        }
        if (rate < 1 || latencySeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--rate must be at least 1 and --latency-seconds 0 "
                    + "or more");
        }
        if (streamsThreads < 1 || commitIntervalMs < 0 || cacheBytes < 0) {
            throw new ParameterException(spec.commandLine(), "--streams-threads must be at least 1, "
                    + "--commit-interval-ms and --cache-bytes 0 or more");
        }
        if (!Files.isDirectory(corpus)) {
            throw new ParameterException(spec.commandLine(), "no corpus directory " + corpus
                    + ": run from the repository's root or give --corpus DIR");
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
