package org.frontline.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;
import org.frontline.consumer.OutputFiles;
import org.frontline.consumer.TallyConsumer;
import org.frontline.extract.Extractor;
import org.frontline.launcher.CatchUp;
import org.frontline.launcher.Cluster;
import org.frontline.launcher.Frontline;
import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.PublishReport;
import org.frontline.producer.TextCheck;
import org.frontline.schemas.ClientConfig;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.streams.FrontlineStreams;
import org.frontline.streams.StreamsSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The main job: publish, enrich, tally, write out, and exit once everything has gone through. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Publish article files, enrich and tally them, write the results to --out, print the "
                + "tallies, and exit once everything published has gone through. Starts an embedded Kafka "
                + "broker when no cluster is given.")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Where the result files go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + TextCheck.DEFAULT_MAX_BYTES,
            description = "Largest article accepted, in bytes (default: ${DEFAULT-VALUE}).")
    int maxBytes;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for the tallies to catch up (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Article files (*.txt) or directories of them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Properties client = kafka.clientProperties(System.getenv());
        return Commands.interruptedOnStop(() -> {
            try (Cluster cluster = Cluster.connect(client, kafka.dataDir())) {
                console.println(cluster.embedded()
                        ? "Kafka: embedded broker at " + cluster.bootstrapServers() + ", data in " + kafka.dataDir()
                        : "Kafka: " + cluster.bootstrapServers());
                return run(cluster, console);
            }
        });
    }

    private int run(Cluster cluster, PrintWriter console) throws InterruptedException {
        Properties props = cluster.clientProperties();
        StreamsSettings settings = StreamsSettings.from(props, kafka.dataDir().resolve("streams"), kafka.partitions());
        FrontlineTopics topics = FrontlineTopics.named(settings.topics());
        Extractor extractor = Extractor.create();
        try (FrontlineStreams streams = FrontlineStreams.start(settings, extractor::extract);
             TallyConsumer consumer = new TallyConsumer(props, topics, new OutputFiles(out));
             ArticlePublisher publisher = new ArticlePublisher(props, topics, new TextCheck(maxBytes),
                     Clock.systemUTC());
             Admin admin = Admin.create(ClientConfig.kafkaOnly(props))) {
            Thread consuming = new Thread(consumer, "frontline-consume");
            consuming.start();

            PublishReport report = publisher.publishFiles(paths);
            report.rejections().forEach(r -> console.println("rejected " + r.origin() + ": " + r.reason()));
            console.println("Articles: " + report.summary());

            boolean caughtUp = awaitCatchUp(new CatchUp(admin), settings, topics, consumer, streams);
            consumer.stop();
            consuming.join();
            if (streams.failure() != null) {
                throw new IllegalStateException("the streams application stopped", streams.failure());
            }
            if (!caughtUp) {
                throw new IllegalStateException("the tallies did not catch up within " + timeoutSeconds
                        + " s; rerun with a larger --timeout, or see " + kafka.dataDir() + " for the broker log");
            }
            console.println();
            Tables.casualties(console, consumer.casualtyTallies());
            console.println();
            Tables.speakers(console, consumer.speakerTallies());
            console.println();
            console.println("Files: " + out.toAbsolutePath().normalize()
                    + " (enriched.jsonl, casualties.json/.csv, statements.json/.csv)");
            return report.allPublished() ? 0 : Frontline.EXIT_REJECTED;
        }
    }

    private boolean awaitCatchUp(CatchUp catchUp, StreamsSettings settings, FrontlineTopics topics,
                                 TallyConsumer consumer, FrontlineStreams streams) throws InterruptedException {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Set<String> sources = Set.of(topics.raw().name(), topics.enriched().name());
        // Twice in a row: records derived from the last commit may still be on their way to the next topic.
        int[] streak = {0};
        boolean streamsDone = CatchUp.await(() -> {
            if (streams.failure() != null) {
                return true;
            }
            boolean now = catchUp.groupCaughtUp(settings.applicationId(),
                    catchUp.streamsInputs(settings.applicationId(), sources));
            streak[0] = now ? streak[0] + 1 : 0;
            return streak[0] >= 2;
        }, timeout);
        if (!streamsDone || streams.failure() != null) {
            return false;
        }
        var ends = catchUp.committedEnds(Set.of(topics.enriched().name(), topics.casualties().name(),
                topics.statements().name()));
        return CatchUp.await(() -> CatchUp.reached(consumer.positions(), ends), timeout);
    }
}
