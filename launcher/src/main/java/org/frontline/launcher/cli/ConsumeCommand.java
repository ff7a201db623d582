package org.frontline.launcher.cli;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.frontline.consumer.OutputFiles;
import org.frontline.consumer.TallyConsumer;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Keeps the output files up to date until stopped. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Keep enriched.jsonl and the tally files in --out up to date with an existing cluster "
                + "until stopped (Ctrl-C or SIGTERM).")
public final class ConsumeCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Where the result files go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Properties props = Commands.requireCluster(kafka.clientProperties(System.getenv()));
        TallyConsumer consumer = new TallyConsumer(props, FrontlineTopics.named(TopicNames.from(props)),
                new OutputFiles(out));
        Thread consuming = new Thread(consumer, "frontline-consume");
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
        return 0;
    }
}
