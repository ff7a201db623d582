package org.frontline.launcher.cli;

import java.util.Properties;
import java.util.concurrent.Callable;

import org.frontline.extract.Extractor;
import org.frontline.streams.FrontlineStreams;
import org.frontline.streams.StreamsSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the streams application until stopped. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run the enrichment and tally application against an existing cluster until stopped "
                + "(Ctrl-C or SIGTERM). Set application.id in --config to run a separate copy.")
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        Properties props = Commands.requireCluster(kafka.clientProperties(System.getenv()));
        StreamsSettings settings = StreamsSettings.from(props, kafka.dataDir().resolve("streams"), kafka.partitions());
        FrontlineStreams streams = FrontlineStreams.start(settings, Extractor.create()::extract);
        Commands.runUntilStopped(streams::close);
        return streams.failure() == null ? 0 : org.frontline.launcher.Frontline.EXIT_FAILED;
    }
}
