package org.frontline.launcher.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.frontline.launcher.ChildJvm;

/**
 * {@code frontline streams} in a JVM of its own, so that its heap can be limited and measured apart from the
 * broker and the benchmark: {@code java -Xmx... -cp <this class path> Frontline streams ...}, its output in a
 * log file, its state and heap in a {@link ProcessStats} file.
 */
public final class StreamsProcess implements AutoCloseable {

    /** The environment variable whose JVM options are added to the child's command line. */
    public static final String CHILD_JAVA_OPTS = "FRONTLINE_BENCH_STREAMS_JAVA_OPTS";

    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final Path log;
    private final Path statsFile;
    private Integer exitAfterStop;

    private StreamsProcess(Process process, Path log, Path statsFile) {
        this.process = process;
        this.log = log;
        this.statsFile = statsFile;
    }

    /**
     * Starts the child.
     *
     * @param heap       the {@code -Xmx} value, such as {@code 512m}
     * @param bootstrap  the cluster
     * @param streamsConfig the client and Kafka Streams properties, written to a file the child reads with --config
     * @param workDir    where its state ({@code workDir/streams}), log and stats file go
     * @param partitions partitions of the topics it creates
     */
    public static StreamsProcess start(String heap, String bootstrap, Properties streamsConfig, Path workDir,
                                       int partitions) {
        try {
            Files.createDirectories(workDir);
            Path config = workDir.resolve("streams.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                streamsConfig.store(out, "frontline bench: the streams child's settings");
            }
            Path log = workDir.resolve("streams.log");
            Path stats = workDir.resolve("streams-stats.properties");
            // Extra JVM options for the child alone, such as a flight recording of the streams application.
            String extra = System.getenv(CHILD_JAVA_OPTS);
            List<String> jvmOptions = extra == null || extra.isBlank() ? List.of()
                    : List.of(extra.strip().split("\\s+"));
            // A restarted child reports afresh: the state a killed one last wrote is not its own.
            Files.deleteIfExists(stats);
            Process process = ChildJvm.start(heap, jvmOptions, List.of(
                    "streams", "--bootstrap-servers", bootstrap, "--config", config.toString(),
                    "--data", workDir.toString(),
                    "--partitions", Integer.toString(partitions), "--stats-file", stats.toString()), log);
            return new StreamsProcess(process, log, stats);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the streams process: " + e.getMessage(), e);
        }
    }

    /** The Kafka Streams state the child last reported, or {@code STARTING} before its first report. */
    public String state() {
        return ProcessStats.read(statsFile).getProperty("state", "STARTING");
    }

    /**
     * Throws when the child has exited, or its Kafka Streams client has failed, before it was asked to stop.
     *
     * @throws BenchException with the exit code and the end of its log
     */
    public void checkRunning() {
        if (!process.isAlive()) {
            throw new BenchException("the streams process exited early with code " + process.exitValue()
                    + "; the end of its log (" + log + "):\n" + logTail());
        }
        String state = state();
        if (state.equals("ERROR") || state.equals("PENDING_ERROR")) {
            throw new BenchException("the streams process failed (Kafka Streams state " + state
                    + "); the end of its log (" + log + "):\n" + logTail());
        }
    }

    /** Stops the child as Ctrl-C would (SIGTERM, so it closes Kafka Streams and writes its stats), waiting. */
    public void stop() throws InterruptedException {
        if (exitAfterStop != null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        exitAfterStop = process.isAlive() ? -1 : process.exitValue();
    }

    /** The heap figures of {@link ProcessStats}, as last written. */
    public Properties stats() {
        return ProcessStats.read(statsFile);
    }

    /** The last lines of the child's log. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Kills the child with {@code SIGKILL}, as {@code kill -9} would (no cleanup, no commit), and waits for it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        exitAfterStop = -9;
    }

    /** True while the child runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
