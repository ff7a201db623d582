package org.frontline.producer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.frontline.producer.ArticleFields;
import org.frontline.producer.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class FeedPollerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-15T12:00:00Z"), ZoneOffset.UTC);
    private static final String LAST_MODIFIED = "Fri, 15 Mar 2024 10:00:00 GMT";

    private Wire wire;
    private final Recorder sink = new Recorder();

    @BeforeEach
    void startWire() throws IOException {
        wire = new Wire();
    }

    @AfterEach
    void stopWire() {
        wire.close();
    }

    @Test
    void aFeedWithTheSameEtagIsNotModifiedAndOffersNothing() {
        wire.serve("/rss", Page.of("rss2.xml").withEtag("\"v1\""));
        try (FeedPoller poller = poller("/rss")) {
            FeedResult first = poller.pollOnce().get(0);
            FeedResult second = poller.pollOnce().get(0);

            assertThat(first).extracting(FeedResult::status, FeedResult::notModified, FeedResult::seen,
                    FeedResult::fresh, FeedResult::published, FeedResult::rejected)
                    .containsExactly(200, false, 2, 2, 2, 0);
            assertThat(first.polledAt()).isEqualTo(CLOCK.instant());
            assertThat(second).extracting(FeedResult::status, FeedResult::notModified, FeedResult::fresh)
                    .containsExactly(304, true, 0);
            assertThat(sink.offered).hasSize(2);
            assertThat(wire.requests).extracting(Request::ifNoneMatch).containsExactly(null, "\"v1\"");
            assertThat(poller.feedErrors()).isZero();
        }
    }

    @Test
    void lastModifiedIsSentBackAsIfModifiedSince() {
        wire.serve("/atom", Page.of("atom.xml").withLastModified(LAST_MODIFIED));
        try (FeedPoller poller = poller("/atom")) {
            assertThat(poller.pollOnce().get(0).published()).isEqualTo(3);
            assertThat(poller.pollOnce().get(0).status()).isEqualTo(304);

            assertThat(wire.requests).extracting(Request::ifModifiedSince).containsExactly(null, LAST_MODIFIED);
            assertThat(wire.requests).extracting(Request::ifNoneMatch).containsOnlyNulls();
            assertThat(sink.offered).hasSize(3);
        }
    }

    @Test
    void itemsOfferedBeforeAreSkippedWhenTheFeedChanges() {
        wire.serve("/rss", Page.of("rss2.xml").withEtag("\"v1\""));
        try (FeedPoller poller = poller("/rss")) {
            poller.pollOnce();
            wire.serve("/rss", Page.of("rss2-updated.xml").withEtag("\"v2\""));
            FeedResult second = poller.pollOnce().get(0);

            assertThat(second).extracting(FeedResult::seen, FeedResult::fresh, FeedResult::published)
                    .containsExactly(3, 1, 1);
            assertThat(sink.offered).extracting(ArticleFields::title).containsExactly("Shelling kills two in Kherson",
                    "Attacco con droni su Odessa", "Strike on Kharkiv power plant");
        }
    }

    @Test
    void anItemRepeatedInOneDocumentIsOfferedOnce() {
        wire.serve("/rss", Page.of("duplicates.xml"));
        try (FeedPoller poller = poller("/rss")) {
            FeedResult result = poller.pollOnce().get(0);

            assertThat(result).extracting(FeedResult::seen, FeedResult::fresh, FeedResult::published)
                    .containsExactly(4, 3, 3);
            assertThat(sink.offered).extracting(ArticleFields::title)
                    .containsExactly("Ceasefire talks stall", "No guid here", "Neither guid nor link");
        }
    }

    @Test
    void anItemWithoutTextIsOfferedAndRejectedNotDropped() {
        wire.serve("/rss", Page.of(("<rss version=\"2.0\"><channel><title>t</title><link>https://a.example/</link>"
                + "<description>d</description><item><title>Photo gallery</title>"
                + "<link>https://a.example/gallery</link><description>&lt;img src=\"x.jpg\"&gt;</description></item>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8)));
        try (FeedPoller poller = poller("/rss")) {
            FeedResult result = poller.pollOnce().get(0);

            assertThat(result).extracting(FeedResult::fresh, FeedResult::published, FeedResult::rejected)
                    .containsExactly(1, 0, 1);
            assertThat(sink.rejections).containsExactly("https://a.example/gallery: no body");
        }
    }

    @Test
    void aMalformedFeedIsOneRejectionAndIsNotRejectedAgainWhenUnchanged() {
        wire.serve("/broken", Page.of("malformed.xml"));
        wire.serve("/html", Page.of("<html><body><p>Not a feed</p></body></html>".getBytes(StandardCharsets.UTF_8)));
        try (FeedPoller poller = poller("/broken", "/html")) {
            List<FeedResult> first = poller.pollOnce();
            List<FeedResult> second = poller.pollOnce();

            assertThat(first).extracting(FeedResult::rejected).containsExactly(1, 1);
            assertThat(first.get(0).error()).startsWith("malformed feed: Invalid XML");
            assertThat(first.get(1).error()).isEqualTo("malformed feed: not an RSS or Atom document");
            assertThat(second).extracting(FeedResult::notModified).containsExactly(true, true);
            assertThat(sink.rejections).containsExactly(
                    wire.url("/broken") + ": " + first.get(0).error(),
                    wire.url("/html") + ": malformed feed: not an RSS or Atom document");
            assertThat(sink.rejectedBytes.get(0)).startsWith("<?xml".getBytes(StandardCharsets.UTF_8));
            assertThat(sink.offered).isEmpty();
            assertThat(poller.feedErrors()).isEqualTo(2);
        }
    }

    @Test
    void httpErrorsAndUnreachableFeedsAreFeedErrorsNotInputs() throws IOException {
        wire.serve("/gone", Page.status(404));
        wire.serve("/down", Page.status(503));
        wire.serve("/empty", Page.of(new byte[0]));
        URI unreachable = URI.create("http://127.0.0.1:" + freePort() + "/rss");
        try (FeedPoller poller = new FeedPoller(List.of(wire.url("/gone"), wire.url("/down"), wire.url("/empty"),
                unreachable), sink, Duration.ofMinutes(5), FeedPoller.defaultClient(Duration.ofSeconds(5)),
                Duration.ofSeconds(5), CLOCK)) {
            List<FeedResult> results = poller.pollOnce();

            assertThat(results).extracting(FeedResult::status).containsExactly(404, 503, 200, 0);
            assertThat(results).extracting(FeedResult::error).containsExactly("HTTP 404", "HTTP 503",
                    "HTTP 200 with an empty body", results.get(3).error());
            assertThat(results.get(3).error()).startsWith("unreachable: ");
            assertThat(poller.feedErrors()).isEqualTo(4);
            assertThat(sink.offered).isEmpty();
            assertThat(sink.rejections).isEmpty();
        }
    }

    @Test
    void aSlowFeedTimesOut() {
        CountDownLatch release = new CountDownLatch(1);
        wire.serve("/slow", Page.of("rss2.xml").heldUntil(release));
        try (FeedPoller poller = new FeedPoller(List.of(wire.url("/slow")), sink, Duration.ofMinutes(5),
                FeedPoller.defaultClient(Duration.ofSeconds(5)), Duration.ofMillis(300), CLOCK)) {
            assertThat(poller.pollOnce().get(0).error()).isEqualTo("timed out after PT0.3S");
        } finally {
            release.countDown();
        }
    }

    @Test
    void redirectsAreFollowed() {
        wire.serve("/old", Page.redirect("/rss"));
        wire.serve("/rss", Page.of("rss2.xml"));
        try (FeedPoller poller = poller("/old")) {
            assertThat(poller.pollOnce().get(0).published()).isEqualTo(2);
            assertThat(wire.requests).extracting(Request::path).containsExactly("/old", "/rss");
        }
    }

    @Test
    void anItemKafkaRefusedIsOfferedAgainOnTheNextPoll() {
        wire.serve("/rss", Page.of("rss2.xml").withEtag("\"v1\""));
        sink.refuseNext.set(1);
        try (FeedPoller poller = poller("/rss")) {
            FeedResult first = poller.pollOnce().get(0);
            FeedResult second = poller.pollOnce().get(0);
            FeedResult third = poller.pollOnce().get(0);

            assertThat(first).extracting(FeedResult::published, FeedResult::rejected).containsExactly(1, 1);
            // Not sent back: the refused item would never come again behind a 304.
            assertThat(wire.requests.get(1).ifNoneMatch()).isNull();
            assertThat(second).extracting(FeedResult::status, FeedResult::fresh, FeedResult::published)
                    .containsExactly(200, 1, 1);
            assertThat(third.status()).isEqualTo(304);
            assertThat(sink.offered).extracting(ArticleFields::title).containsExactly("Shelling kills two in Kherson",
                    "Attacco con droni su Odessa", "Shelling kills two in Kherson");
        }
    }

    @Test
    void startPollsAtTheIntervalUntilClosed() throws InterruptedException {
        wire.serve("/rss", Page.of("rss2.xml").withEtag("\"v1\""));
        CountDownLatch threePolls = new CountDownLatch(3);
        wire.onRequest = threePolls::countDown;
        FeedPoller poller = new FeedPoller(List.of(wire.url("/rss")), sink, Duration.ofMillis(20),
                FeedPoller.defaultClient(Duration.ofSeconds(5)), Duration.ofSeconds(5), CLOCK);
        poller.start();

        assertThat(threePolls.await(30, TimeUnit.SECONDS)).as("three polls").isTrue();
        poller.close();

        assertThat(sink.offered).hasSize(2);
        assertThat(poller.pollOnce()).isEmpty();
        assertThatThrownBy(poller::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyHttpUrlsArePolled() {
        assertThatThrownBy(() -> new FeedPoller(List.of(URI.create("file:///etc/passwd")), sink, Duration.ofMinutes(1),
                FeedPoller.defaultClient(Duration.ofSeconds(1)), Duration.ofSeconds(1), CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an http or https URL");
    }

    private FeedPoller poller(String... paths) {
        List<URI> feeds = Arrays.stream(paths).map(wire::url).toList();
        return new FeedPoller(feeds, sink, Duration.ofMinutes(5), FeedPoller.defaultClient(Duration.ofSeconds(5)),
                Duration.ofSeconds(5), CLOCK);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Records what the poller offers and rejects; rejects a body without text as the publisher does. */
    private static final class Recorder implements FeedSink {
        final List<ArticleFields> offered = new CopyOnWriteArrayList<>();
        final List<String> rejections = new CopyOnWriteArrayList<>();
        final List<byte[]> rejectedBytes = new CopyOnWriteArrayList<>();
        final AtomicInteger refuseNext = new AtomicInteger();

        @Override
        public CompletableFuture<Outcome> offer(String origin, ArticleFields fields, byte[] raw) {
            offered.add(fields);
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return CompletableFuture.completedFuture(new Outcome.Rejected(FeedPoller.SOURCE, origin,
                        "Kafka refused it: not enough replicas"));
            }
            if (fields.body() == null || fields.body().isBlank()) {
                return reject(origin, "no body", raw);
            }
            return CompletableFuture.completedFuture(new Outcome.Published(FeedPoller.SOURCE, origin, "id"));
        }

        @Override
        public CompletableFuture<Outcome> reject(String origin, String reason, byte[] raw) {
            rejections.add(origin + ": " + reason);
            rejectedBytes.add(raw);
            return CompletableFuture.completedFuture(new Outcome.Rejected(FeedPoller.SOURCE, origin, reason));
        }
    }

    private record Request(String path, String ifNoneMatch, String ifModifiedSince) {
    }

    /** What the wire answers on a path. */
    private record Page(int status, byte[] body, String etag, String lastModified, String location,
            CountDownLatch held) {

        static Page of(String resource) {
            try (InputStream in = FeedPollerTest.class.getResourceAsStream("/feeds/" + resource)) {
                return of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Page of(byte[] body) {
            return new Page(200, body, null, null, null, null);
        }

        static Page status(int status) {
            return new Page(status, new byte[0], null, null, null, null);
        }

        static Page redirect(String location) {
            return new Page(301, new byte[0], null, null, location, null);
        }

        Page withEtag(String value) {
            return new Page(status, body, value, lastModified, location, held);
        }

        Page withLastModified(String value) {
            return new Page(status, body, etag, value, location, held);
        }

        Page heldUntil(CountDownLatch latch) {
            return new Page(status, body, etag, lastModified, location, latch);
        }
    }

    /** A feed server on the loopback interface that honours If-None-Match and If-Modified-Since. */
    private static final class Wire implements AutoCloseable {
        final Map<String, Page> pages = new ConcurrentHashMap<>();
        final List<Request> requests = new CopyOnWriteArrayList<>();
        final ExecutorService executor = Executors.newCachedThreadPool();
        final HttpServer server;
        volatile Runnable onRequest = () -> { };

        Wire() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(executor);
            server.createContext("/", this::answer);
            server.start();
        }

        void serve(String path, Page page) {
            pages.put(path, page);
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
                String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
                requests.add(new Request(exchange.getRequestURI().getPath(), ifNoneMatch, ifModifiedSince));
                onRequest.run();
                Page page = pages.get(exchange.getRequestURI().getPath());
                if (page == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (page.held() != null) {
                    page.held().await(30, TimeUnit.SECONDS);
                }
                if (page.location() != null) {
                    exchange.getResponseHeaders().set("Location", page.location());
                }
                if (page.status() != 200) {
                    exchange.sendResponseHeaders(page.status(), -1);
                    return;
                }
                boolean unchanged = ifNoneMatch != null ? ifNoneMatch.equals(page.etag())
                        : ifModifiedSince != null && ifModifiedSince.equals(page.lastModified());
                if (page.etag() != null) {
                    exchange.getResponseHeaders().set("ETag", page.etag());
                }
                if (page.lastModified() != null) {
                    exchange.getResponseHeaders().set("Last-Modified", page.lastModified());
                }
                if (unchanged) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                exchange.sendResponseHeaders(200, page.body().length == 0 ? -1 : page.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
