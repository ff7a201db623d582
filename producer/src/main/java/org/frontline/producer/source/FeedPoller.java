package org.frontline.producer.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS (0.9x, 1.0, 2.0) and Atom feeds and offers each new item to the {@link ArticlePublisher} as an
 * article of source {@value #SOURCE}: the title, the link as its URL and identity, the publication date
 * (else the update date) in UTC, and the full content (else the description) with its markup stripped and
 * its paragraphs kept.
 *
 * <p>Requests are conditional: a feed's ETag and Last-Modified are sent back, and a 304 publishes nothing.
 * An item is offered once per process, recognised by its guid (Atom id), else its link; an item Kafka
 * refused is offered again on the next poll. A feed document that cannot be parsed is one rejection with
 * reason {@code malformed feed: ...}; an unreachable feed or an HTTP error is logged and counted as a feed
 * error, as it is not an input.
 *
 * <p>{@link #pollOnce()} polls every feed once and waits until its items are settled; {@link #start} polls
 * at the interval until {@link #close()}, which waits for a poll in progress. The publisher is not closed.
 */
public final class FeedPoller implements AutoCloseable {

    /** The source name of feed items in the ledger and on the topics. */
    public static final String SOURCE = "feed";
    /** How long one request may take unless told otherwise. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** How many item keys are remembered, the least recently seen forgotten first. */
    static final int KEPT_KEYS = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";
    /** How {@link ArticlePublisher} words a send that failed; such an item is offered again. */
    private static final String KAFKA_REFUSED = "Kafka refused it";

    private final List<URI> feeds;
    private final FeedSink sink;
    private final Duration interval;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final FeedKeys keys = new FeedKeys(KEPT_KEYS);
    private final Map<URI, Validators> validators = new ConcurrentHashMap<>();
    private final ReentrantLock polling = new ReentrantLock();
    private final AtomicLong feedErrors = new AtomicLong();

    private volatile boolean closed;
    private ScheduledFuture<?> schedule;
    private ScheduledExecutorService ownExecutor;

    /** What a feed's last response said about its version, sent back to ask only for changes. */
    private record Validators(String etag, String lastModified, String digest) {
    }

    /** Polls the feeds with an HTTP client of its own that follows redirects, each request within 30 s. */
    public FeedPoller(List<URI> feeds, ArticlePublisher publisher, Duration interval, Clock clock) {
        this(feeds, publisher, interval, defaultClient(DEFAULT_REQUEST_TIMEOUT), DEFAULT_REQUEST_TIMEOUT, clock);
    }

    /**
     * Polls the feeds with the client given; its redirect policy and connect timeout apply.
     *
     * @param feeds          the feeds' http or https URLs
     * @param interval       the pause between the end of one poll and the start of the next
     * @param requestTimeout how long one request may take, response included
     */
    public FeedPoller(List<URI> feeds, ArticlePublisher publisher, Duration interval, HttpClient http,
            Duration requestTimeout, Clock clock) {
        this(feeds, FeedSink.of(publisher), interval, http, requestTimeout, clock);
    }

    FeedPoller(List<URI> feeds, FeedSink sink, Duration interval, HttpClient http, Duration requestTimeout,
            Clock clock) {
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("no feed to poll");
        }
        for (URI feed : feeds) {
            String scheme = feed.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || feed.getHost() == null) {
                throw new IllegalArgumentException("not an http or https URL: " + feed);
            }
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive, not " + interval);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive, not " + requestTimeout);
        }
        this.feeds = List.copyOf(feeds);
        this.sink = sink;
        this.interval = interval;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    /** An HTTP client that follows redirects (except from https to http) and gives up connecting after the timeout. */
    public static HttpClient defaultClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(connectTimeout)
                .build();
    }

    /** The feeds polled, in order. */
    public List<URI> feeds() {
        return feeds;
    }

    /** How many polls of a feed gave no document: unreachable, an HTTP error, an empty or malformed body. */
    public long feedErrors() {
        return feedErrors.get();
    }

    /**
     * Polls every feed once and waits until each new item is published or rejected.
     *
     * @return one result per feed, in order; fewer when closed meanwhile
     */
    public List<FeedResult> pollOnce() {
        polling.lock();
        try {
            List<FeedResult> results = new ArrayList<>();
            for (URI feed : feeds) {
                if (closed || Thread.currentThread().isInterrupted()) {
                    break;
                }
                FeedResult result = poll(feed);
                if (result.failed()) {
                    feedErrors.incrementAndGet();
                    LOG.warn("Feed {}", result.summary());
                } else if (result.notModified()) {
                    LOG.debug("Feed {}", result.summary());
                } else {
                    LOG.info("Feed {}", result.summary());
                }
                results.add(result);
            }
            return results;
        } finally {
            polling.unlock();
        }
    }

    /** Polls now and then at the interval on the executor given, until {@link #close()}. */
    public synchronized void start(ScheduledExecutorService executor) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (schedule != null) {
            throw new IllegalStateException("already started");
        }
        schedule = executor.scheduleWithFixedDelay(this::pollLoggingFailures, 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Polls now and then at the interval on a daemon thread of its own, until {@link #close()}. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "feed-poller");
            thread.setDaemon(true);
            return thread;
        });
        start(executor);
        ownExecutor = executor;
    }

    /** Stops polling and waits for a poll in progress to finish; the publisher stays open. */
    @Override
    public void close() {
        ScheduledFuture<?> started;
        ScheduledExecutorService executor;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            started = schedule;
            executor = ownExecutor;
        }
        if (started != null) {
            started.cancel(false);
        }
        if (executor != null) {
            executor.shutdown();
        }
        // Once the lock is free no poll is running, and none starts: its items are all settled.
        polling.lock();
        polling.unlock();
    }

    private void pollLoggingFailures() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the next poll may well succeed.
            LOG.error("Polling the feeds failed", e);
        }
    }

    private FeedResult poll(URI feed) {
        Instant polledAt = clock.instant();
        Validators known = validators.get(feed);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request(feed, known), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return FeedResult.failed(feed, polledAt, 0, "timed out after " + requestTimeout);
        } catch (IOException e) {
            return FeedResult.failed(feed, polledAt, 0, "unreachable: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FeedResult.failed(feed, polledAt, 0, "interrupted");
        }
        int status = response.statusCode();
        if (status == 304) {
            return FeedResult.unchanged(feed, polledAt, status);
        }
        if (status < 200 || status > 299) {
            return FeedResult.failed(feed, polledAt, status, "HTTP " + status);
        }
        byte[] body = response.body();
        if (body.length == 0) {
            return FeedResult.failed(feed, polledAt, status, "HTTP " + status + " with an empty body");
        }
        Validators latest = new Validators(header(response, "ETag"), header(response, "Last-Modified"),
                FeedItem.sha256(body));
        if (known != null && known.digest().equals(latest.digest())) {
            // The server ignored the conditions but sent the same bytes: every item is known already.
            validators.put(feed, latest);
            return FeedResult.unchanged(feed, polledAt, status);
        }
        SyndFeed document;
        try {
            document = parse(body, header(response, "Content-Type"));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            String reason = "malformed feed: " + describe(e);
            sink.reject(feed.toString(), reason, body).join();
            validators.put(feed, latest);
            return new FeedResult(feed, polledAt, status, false, 0, 0, 0, 1, reason);
        }
        return offer(feed, polledAt, status, document.getEntries(), latest);
    }

    private HttpRequest request(URI feed, Validators known) {
        HttpRequest.Builder request = HttpRequest.newBuilder(feed)
                .timeout(requestTimeout)
                .header("Accept", ACCEPT)
                .header("User-Agent", "Frontline feed poller")
                .GET();
        if (known != null && known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known != null && known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        return request.build();
    }

    private static SyndFeed parse(byte[] body, String contentType) throws IOException, FeedException {
        // XmlReader picks the encoding from the BOM, the XML prolog and the Content-Type, leniently.
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        try (XmlReader reader = contentType != null ? new XmlReader(in, contentType, true) : new XmlReader(in, true)) {
            return new SyndFeedInput().build(reader);
        }
    }

    private FeedResult offer(URI feed, Instant polledAt, int status, List<SyndEntry> entries, Validators latest) {
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        boolean refused = false;
        for (int i = 0; i < entries.size(); i++) {
            FeedItem item;
            try {
                item = FeedItem.of(entries.get(i), feed, i);
            } catch (RuntimeException e) {
                String reason = "unreadable item: " + describe(e);
                outcomes.add(sink.reject(feed + "#item-" + (i + 1), reason,
                        String.valueOf(entries.get(i).getTitle()).getBytes(StandardCharsets.UTF_8)));
                continue;
            }
            if (!keys.add(item.key())) {
                continue;
            }
            outcomes.add(sink.offer(item.origin(), item.fields(), item.raw()).thenApply(outcome -> {
                if (outcome instanceof Outcome.Rejected rejected && rejected.reason().startsWith(KAFKA_REFUSED)) {
                    keys.remove(item.key());
                }
                return outcome;
            }));
        }
        int published = 0;
        int rejected = 0;
        for (CompletableFuture<Outcome> future : outcomes) {
            Outcome outcome = future.join();
            if (outcome instanceof Outcome.Published) {
                published++;
            } else {
                rejected++;
                refused |= ((Outcome.Rejected) outcome).reason().startsWith(KAFKA_REFUSED);
            }
        }
        if (!refused) {
            // Only a poll whose items all settled may be skipped next time; else they are offered again.
            validators.put(feed, latest);
        }
        return new FeedResult(feed, polledAt, status, false, entries.size(), outcomes.size(), published, rejected,
                null);
    }

    private static String header(HttpResponse<?> response, String name) {
        Optional<String> value = response.headers().firstValue(name);
        return value.filter(v -> !v.isBlank()).orElse(null);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e instanceof IllegalArgumentException && "Invalid document".equals(message)) {
            return "not an RSS or Atom document";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }
}
