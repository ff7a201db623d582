package org.frontline.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.frontline.consumer.EnrichedLog;
import org.frontline.consumer.TallyConsumer;
import org.frontline.consumer.db.ResultsDatabase;
import org.frontline.extract.Extractor;
import org.frontline.launcher.CatchUp;
import org.frontline.launcher.Cluster;
import org.frontline.launcher.Frontline;
import org.frontline.launcher.http.LiveUpdates;
import org.frontline.launcher.http.QueryApi;
import org.frontline.launcher.http.WebServer;
import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.Ledger;
import org.frontline.producer.Outcome;
import org.frontline.producer.source.JsonLines;
import org.frontline.schemas.ClientConfig;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.streams.FrontlineStreams;
import org.frontline.streams.StreamsSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The main job: publish, enrich, tally, write out. By default it exits once everything published
 * has gone through; with {@code --follow} it keeps ingesting from its sources until stopped.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Publish articles, enrich and tally them, write the results to --out and print the tallies. "
                + "Without --follow it exits once everything given has gone through; with --follow it keeps "
                + "ingesting (--watch, --http, --feed) until Ctrl-C or SIGTERM. Starts an embedded Kafka broker "
                + "when no cluster is given.")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Where the result files go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Mixin
    InputLimit limit;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for the tallies to catch up (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--follow", description = "Keep ingesting until stopped.")
    boolean follow;

    @Mixin
    LiveSources live;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Article files (*.txt) or directories of them; - reads JSON Lines from standard input.")
    List<Path> paths = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!follow && paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give PATH... to publish, or --follow");
        }
        if (!follow && live.any()) {
            throw new ParameterException(spec.commandLine(), "--watch, --http and --feed need --follow");
        }
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
        // The HTTP port is fixed before the streams application starts, which advertises it to its peers.
        Integer port = live.resolvedPort();
        Properties streamsProps = cluster.clientProperties();
        if (port != null) {
            streamsProps.put(StreamsConfig.APPLICATION_SERVER_CONFIG, live.httpHost + ":" + port);
        }
        StreamsSettings settings = StreamsSettings.from(streamsProps, kafka.dataDir().resolve("streams"),
                kafka.partitions());
        FrontlineTopics topics = FrontlineTopics.named(settings.topics());
        Commands.preparePublishing(props, settings.topics(), kafka.partitions());
        Extractor extractor = Extractor.create();
        // Opened first, so that a database that cannot be used stops the command before anything starts.
        try (ResultsDatabase db = database.open(out, System.getenv());
             FrontlineStreams streams = FrontlineStreams.start(settings, extractor::extract);
             TallyConsumer consumer = new TallyConsumer(props, topics, out, TallyConsumer.DEFAULT_TALLY_INTERVAL,
                     EnrichedLog.DEFAULT_MAX_FILE_BYTES, db);
             ArticlePublisher publisher = new ArticlePublisher(props, topics, limit.check(),
                     Clock.systemUTC());
             Admin admin = Admin.create(ClientConfig.kafkaOnly(props))) {
            Thread consuming = new Thread(consumer, "frontline-consume");
            AtomicReference<Throwable> consumerFailure = new AtomicReference<>();
            consuming.setUncaughtExceptionHandler((thread, e) -> consumerFailure.set(e));
            consuming.start();
            try {
                publishPaths(publisher, console);
                if (follow) {
                    follow(publisher, streams, topics, props, port, console);
                }
                publisher.flush();
                boolean caughtUp = awaitCatchUp(new CatchUp(admin), settings, topics, consumer, consumerFailure,
                        streams);
                if (streams.failure() != null) {
                    throw new IllegalStateException("the streams application stopped", streams.failure());
                }
                if (consumerFailure.get() != null) {
                    throw new IllegalStateException("the consumer stopped", consumerFailure.get());
                }
                if (!caughtUp) {
                    throw new IllegalStateException("the tallies did not catch up within " + timeoutSeconds
                            + " s; rerun with a larger --timeout, or see " + kafka.dataDir() + " for the broker log");
                }
            } finally {
                consumer.stop();
                consuming.join();
            }
            report(console, publisher.ledger(), consumer, db);
            return publisher.ledger().overall().rejected() == 0 ? 0 : Frontline.EXIT_REJECTED;
        }
    }

    private void publishPaths(ArticlePublisher publisher, PrintWriter console) {
        List<Path> files = paths.stream().filter(p -> !p.toString().equals("-")).toList();
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        if (!files.isEmpty()) {
            outcomes.addAll(publisher.publishFiles(files).outcomes().stream()
                    .map(CompletableFuture::completedFuture).toList());
        }
        if (files.size() < paths.size()) {
            outcomes.addAll(JsonLines.publish(System.in, JsonLines.STDIN, publisher));
        }
        publisher.flush();
        Commands.printRejections(console, outcomes.stream().map(CompletableFuture::join).toList());
    }

    /** Ingests from the live sources until the process is asked to stop; serves the API and the dashboard. */
    private void follow(ArticlePublisher publisher, FrontlineStreams streams, FrontlineTopics topics,
                        Properties props, Integer port, PrintWriter console) {
        if (port == null) {
            live.follow(publisher, limit.maxBytes, null, config -> { }, List.of(), console, streams::awaitFailure);
            return;
        }
        LiveUpdates updates = new LiveUpdates(props, topics).start();
        QueryApi api = new QueryApi(streams.kafkaStreams(), new HostInfo(live.httpHost, port));
        console.println("Dashboard at http://" + live.httpHost + ":" + port + "/");
        live.follow(publisher, limit.maxBytes, port, config -> {
            api.register(config.routes);
            updates.register(config.routes);
            WebServer.dashboard(config);
        }, List.of(updates), console, streams::awaitFailure);
    }

    private void report(PrintWriter console, Ledger ledger, TallyConsumer consumer, ResultsDatabase db) {
        console.println();
        ledger.totals().forEach((source, totals) -> console.println("Articles from " + source + ": " + totals));
        console.println("Articles: " + ledger.overall());
        console.println();
        Tables.casualties(console, consumer.casualtyTallies());
        console.println();
        Tables.speakers(console, consumer.speakerTallies());
        console.println();
        console.println("Files: " + out.toAbsolutePath().normalize()
                + " (enriched/enriched-*.jsonl, casualties.json/.csv, statements.json/.csv)");
        if (db != null) {
            console.println("Database: " + db.name());
        }
    }

    private boolean awaitCatchUp(CatchUp catchUp, StreamsSettings settings, FrontlineTopics topics,
                                 TallyConsumer consumer, AtomicReference<Throwable> consumerFailure,
                                 FrontlineStreams streams) throws InterruptedException {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Set<String> sources = Set.of(topics.raw().name(), topics.enriched().name());
        // Twice in a row: records derived from the last commit may still be on their way to the next topic.
        int[] streak = {0};
        boolean streamsDone = CatchUp.await(() -> {
            if (streams.failure() != null || consumerFailure.get() != null) {
                return true;
            }
            boolean now = catchUp.groupCaughtUp(settings.applicationId(),
                    catchUp.streamsInputs(settings.applicationId(), sources));
            streak[0] = now ? streak[0] + 1 : 0;
            return streak[0] >= 2;
        }, timeout);
        if (!streamsDone || streams.failure() != null || consumerFailure.get() != null) {
            return false;
        }
        var ends = catchUp.committedEnds(Set.of(topics.enriched().name(), topics.casualties().name(),
                topics.statements().name()));
        return CatchUp.await(() -> consumerFailure.get() != null || CatchUp.reached(consumer.positions(), ends),
                timeout);
    }
}
