package org.frontline.launcher.cli;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.frontline.extract.Extractor;
import org.frontline.launcher.bench.ProcessStats;
import org.frontline.launcher.http.LiveUpdates;
import org.frontline.launcher.http.QueryApi;
import org.frontline.launcher.http.WebServer;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.streams.FrontlineStreams;
import org.frontline.streams.StreamsSettings;

import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the streams application until stopped, optionally serving the query API and the dashboard. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run the enrichment and tally application against an existing cluster until stopped "
                + "(Ctrl-C or SIGTERM). With --http, serve the query API and the dashboard; several instances "
                + "with the same application.id share the work and answer for each other.")
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--http", paramLabel = "PORT", description = "Serve the query API and the dashboard on PORT "
            + "(0 for a free one).")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address the HTTP server binds to and advertises to the other instances "
                    + "(default: ${DEFAULT-VALUE}).")
    String httpHost;

    /** For `frontline bench`, which runs this command as a child process: its state and heap, see ProcessStats. */
    @Option(names = "--stats-file", paramLabel = "FILE", hidden = true)
    Path statsFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Properties props = Commands.requireCluster(kafka.clientProperties(System.getenv()));
        Integer port = httpPort == null ? null : WebServer.portFor(httpHost, httpPort);
        Properties streamsProps = new Properties();
        streamsProps.putAll(props);
        if (port != null) {
            streamsProps.put(StreamsConfig.APPLICATION_SERVER_CONFIG, httpHost + ":" + port);
        }
        StreamsSettings settings = StreamsSettings.from(streamsProps, kafka.dataDir().resolve("streams"),
                kafka.partitions());
        FrontlineStreams streams = FrontlineStreams.start(settings, Extractor.create()::extract);
        ProcessStats stats = statsFile == null ? null
                : ProcessStats.start(statsFile, () -> streams.kafkaStreams().state().name());
        LiveUpdates live = null;
        Javalin server = null;
        try {
            if (port != null) {
                live = new LiveUpdates(props, FrontlineTopics.named(settings.topics())).start();
                LiveUpdates updates = live;
                server = WebServer.start(httpHost, port, config -> {
                    new QueryApi(streams.kafkaStreams(), new HostInfo(httpHost, port)).register(config.routes);
                    updates.register(config.routes);
                    WebServer.dashboard(config);
                });
            }
        } catch (RuntimeException e) {
            if (live != null) {
                live.close();
            }
            streams.close();
            if (stats != null) {
                stats.close();
            }
            throw e;
        }
        if (server != null) {
            spec.commandLine().getOut().println("Serving the API and the dashboard at http://" + httpHost + ":"
                    + server.port() + "/");
        }
        Javalin httpServer = server;
        LiveUpdates updates = live;
        // A fatal error ends the command too: a supervisor sees the exit, not a process that answers nothing.
        Commands.runUntilStopped(streams::awaitFailure, () -> {
            if (httpServer != null) {
                updates.close();
                httpServer.stop();
            }
            streams.close();
            if (stats != null) {
                stats.close();
            }
        });
        if (streams.failure() != null) {
            throw new IllegalStateException("the streams application stopped on an unrecoverable error",
                    streams.failure());
        }
        return 0;
    }
}
