package org.frontline.streams;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.frontline.extract.ArticleText;
import org.frontline.extract.Extraction;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicSetup;
import org.frontline.streams.enrich.Enricher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Frontline topology: creates the topics it needs, starts Kafka Streams, and stops it.
 * An error Kafka Streams cannot handle (bad records never get this far: they are dead letters)
 * shuts the client down and is kept for {@link #failure()}, so the caller can exit non-zero.
 */
public final class FrontlineStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrontlineStreams.class);
    /** The topology at start-up, on a logger of its own so consoles can leave it out. */
    private static final Logger TOPOLOGY = LoggerFactory.getLogger("org.frontline.streams.topology");

    private final StreamsSettings settings;
    private final KafkaStreams streams;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch failed = new CountDownLatch(1);

    private FrontlineStreams(StreamsSettings settings, Topology topology) {
        this.settings = settings;
        this.streams = new KafkaStreams(topology, settings.streams());
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Frontline streams stopped on an unrecoverable error", e);
            fail(e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                fail(new IllegalStateException("Kafka Streams entered its ERROR state"));
            }
        });
    }

    /** Creates missing topics and starts the application, enriching with {@code extractor}. */
    public static FrontlineStreams start(StreamsSettings settings, Function<ArticleText, Extraction> extractor) {
        FrontlineTopics topics = FrontlineTopics.named(settings.topics());
        try (Admin admin = Admin.create(new StreamsConfig(settings.streams())
                .getAdminConfigs(settings.applicationId() + "-setup"))) {
            TopicSetup.ensure(admin, TopicSetup.newTopics(settings.topics(), settings.partitions(), (short) -1));
        }
        Clock clock = Clock.systemUTC();
        Topology topology = FrontlineTopology.build(topics, new Enricher(extractor, clock), clock, settings.streams());
        TOPOLOGY.info("topology of {}:\n{}", settings.applicationId(), topology.describe());
        FrontlineStreams app = new FrontlineStreams(settings, topology);
        app.streams.start();
        return app;
    }

    public KafkaStreams kafkaStreams() {
        return streams;
    }

    public StreamsSettings settings() {
        return settings;
    }

    private void fail(Throwable e) {
        failure.compareAndSet(null, e);
        failed.countDown();
    }

    /** Blocks until the application has stopped on an unrecoverable error ({@link #failure()}). */
    public void awaitFailure() throws InterruptedException {
        failed.await();
    }

    /** The error that stopped the application, or null. */
    public Throwable failure() {
        return failure.get();
    }

    /**
     * Stops the application and leaves its consumer group at once, so a reset or a rebalance need
     * not wait for the session to time out.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
