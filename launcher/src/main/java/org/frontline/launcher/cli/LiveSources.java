package org.frontline.launcher.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.frontline.launcher.http.WebServer;
import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.source.FeedPoller;
import org.frontline.producer.source.HttpIngest;
import org.frontline.producer.source.WatchedDirectory;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import picocli.CommandLine.Option;

/** The live sources a following command ingests from, and how they start and stop. */
public final class LiveSources {

    @Option(names = "--watch", paramLabel = "DIR", description = "Publish *.txt files that appear in DIR, and again "
            + "when their text changes.")
    Path watch;

    @Option(names = "--http", paramLabel = "PORT", description = "Serve POST /articles (and, where the command "
            + "runs the streams application, the query API and the dashboard) on PORT; 0 for a free one.")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address the HTTP server binds to (default: ${DEFAULT-VALUE}).")
    String httpHost;

    @Option(names = "--feed", paramLabel = "URL", description = "Poll this RSS or Atom feed (repeatable).")
    List<URI> feeds = new ArrayList<>();

    @Option(names = "--feed-interval", paramLabel = "SECONDS", defaultValue = "60",
            description = "How often feeds are polled (default: ${DEFAULT-VALUE}).")
    long feedIntervalSeconds;

    /** True when any live source is configured. */
    boolean any() {
        return watch != null || httpPort != null || !feeds.isEmpty();
    }

    /** The HTTP port, fixed now (a free one for 0) so it can be advertised before the server starts. */
    Integer resolvedPort() {
        return httpPort == null ? null : WebServer.portFor(httpHost, httpPort);
    }

    /**
     * Starts the sources and blocks until the thread is interrupted (the process asked to stop), then
     * stops them in the reverse order.
     *
     * @param port      the resolved HTTP port, or null for none
     * @param moreHttp  further parts of the HTTP server (the query API, the dashboard)
     * @param closeLast closed after the sources, before the HTTP server stops (live updates)
     */
    void follow(ArticlePublisher publisher, int maxBytes, Integer port, Consumer<JavalinConfig> moreHttp,
                List<AutoCloseable> closeLast, PrintWriter console) {
        follow(publisher, maxBytes, port, moreHttp, closeLast, console, Commands.FOREVER);
    }

    /** As above, and also stops when {@code until} returns (the streams application failed). */
    void follow(ArticlePublisher publisher, int maxBytes, Integer port, Consumer<JavalinConfig> moreHttp,
                List<AutoCloseable> closeLast, PrintWriter console, Commands.Wait until) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            if (watch != null) {
                WatchedDirectory watcher = new WatchedDirectory(watch, publisher, Duration.ofMillis(500),
                        Duration.ofSeconds(2));
                new Thread(watcher, "frontline-watch").start();
                started.add(watcher);
                console.println("Watching " + watch.toAbsolutePath().normalize() + " for *.txt articles");
            }
            if (port != null) {
                Javalin server = WebServer.start(httpHost, port, config -> {
                    HttpIngest.register(config.routes, publisher, maxBytes);
                    moreHttp.accept(config);
                });
                started.add(server::stop);
                started.addAll(closeLast);
                console.println("Accepting POST http://" + httpHost + ":" + server.port() + "/articles");
            }
            if (!feeds.isEmpty()) {
                FeedPoller poller = new FeedPoller(feeds, publisher, Duration.ofSeconds(feedIntervalSeconds),
                        Clock.systemUTC());
                poller.start();
                started.add(poller);
                console.println("Polling " + feeds.size() + " feed(s) every " + feedIntervalSeconds + " s");
            }
            console.println("Following; Ctrl-C to stop.");
            until.await();
        } catch (InterruptedException stop) {
            console.println("Stopping: closing the sources, then flushing what they sent.");
        } finally {
            Collections.reverse(started);
            for (AutoCloseable source : started) {
                try {
                    source.close();
                } catch (Exception e) {
                    console.println("while stopping a source: " + e.getMessage());
                }
            }
        }
    }
}
