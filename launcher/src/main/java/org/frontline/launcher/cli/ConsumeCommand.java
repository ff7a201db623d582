package org.frontline.launcher.cli;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.frontline.consumer.JsonLinesDump;
import org.frontline.consumer.TallyConsumer;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Keeps the output files up to date until stopped, or prints one topic as JSON Lines. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Append the enriched articles to --out/enriched/ and keep the tally files in --out and the "
                + "results database (--out/frontline.duckdb, or --jdbc-url) up to "
                + "date with an existing cluster until stopped (Ctrl-C or SIGTERM), resuming where the last run on "
                + "--out stopped; or, with --format json TOPIC, print any Frontline topic as "
                + "JSON Lines from its beginning.")
public final class ConsumeCommand implements Callable<Integer> {

    /** What consume produces. */
    enum Format { files, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "files",
            description = "files: keep the output directory up to date (default); json: print TOPIC as JSON Lines.")
    Format format;

    @Option(names = "--follow", description = "With --format json: keep printing new records until stopped.")
    boolean follow;

    @Parameters(paramLabel = "TOPIC", arity = "0..1", description = "With --format json: the topic to print.")
    String topic;

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Where the result files go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--max-file-bytes", paramLabel = "N", defaultValue = "67108864",
            description = "Start a new enriched/enriched-NNNNNN.jsonl file before one grows past N bytes "
                    + "(default: ${DEFAULT-VALUE}, 64 MiB).")
    long maxFileBytes;

    @Override
    public Integer call() throws Exception {
        Properties props = Commands.requireCluster(kafka.clientProperties(System.getenv()));
        if (format == Format.json) {
            if (topic == null) {
                throw new ParameterException(spec.commandLine(), "--format json needs a TOPIC");
            }
            JsonLinesDump.dump(props, FrontlineTopics.named(TopicNames.from(props)), topic, follow,
                    spec.commandLine().getOut());
            return 0;
        }
        if (topic != null) {
            throw new ParameterException(spec.commandLine(), "a TOPIC goes with --format json");
        }
        TallyConsumer consumer = new TallyConsumer(props, FrontlineTopics.named(TopicNames.from(props)), out,
                TallyConsumer.DEFAULT_TALLY_INTERVAL, maxFileBytes, database.open(out, System.getenv()));
        Thread consuming = new Thread(consumer, "frontline-consume");
        // A consumer that cannot go on (a checkpoint it refuses, a lost cluster) ends the command, not just its thread.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread command = Thread.currentThread();
        consuming.setUncaughtExceptionHandler((thread, e) -> {
            failure.set(e);
            command.interrupt();
        });
        consuming.start();
        Commands.runUntilStopped(() -> {
            consumer.stop();
            try {
                consuming.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.close();
        });
        if (failure.get() != null) {
            throw new IllegalStateException("the consumer stopped: " + failure.get().getMessage(), failure.get());
        }
        return 0;
    }
}
