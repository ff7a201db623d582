package org.frontline.producer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.frontline.avro.Article;
import org.frontline.avro.Rejection;
import org.frontline.extract.ArticleFiles;
import org.frontline.extract.ArticleText;
import org.frontline.schemas.ClientConfig;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;
import org.frontline.schemas.TopicSetup;

/**
 * The way in for every source: checks each input, publishes it to {@code articles.raw} keyed by its
 * stable id, or publishes the reason it was not taken to {@code articles.rejected}, and accounts for
 * it in the {@link Ledger}. One idempotent producer with {@code acks=all}: a retried send is written
 * once, and a send that completes is on every in-sync replica.
 */
public final class ArticlePublisher implements AutoCloseable {

    /** Sends of one article's record before the cluster's failure is its rejection. */
    static final int SEND_ATTEMPTS = 3;
    /** How much of a rejected input is kept, to recognise it by. */
    static final int KEPT_BYTES = 256;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");

    private final KafkaProducer<String, byte[]> producer;
    private final FrontlineTopics topics;
    private final TextCheck check;
    private final Clock clock;
    private final Ledger ledger = new Ledger();
    /**
     * Sends again an article the cluster failed to take, or writes its rejection. Not the producer's own thread,
     * which runs the send callbacks: a send from there can wait for metadata that only that thread fetches, and
     * then the article's outcome would never be settled.
     */
    private final ExecutorService refusals = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "frontline-publish-refusals");
        thread.setDaemon(true);
        return thread;
    });

    public ArticlePublisher(Properties clientProps, FrontlineTopics topics, TextCheck check, Clock clock) {
        this.producer = new KafkaProducer<>(producerConfig(clientProps), new StringSerializer(),
                new ByteArraySerializer());
        this.topics = topics;
        this.check = check;
        this.clock = clock;
    }

    /**
     * The producer settings: the client properties given, with what exactly-once publishing needs. Public so
     * that a benchmark of bare Kafka sends with exactly the settings Frontline publishes with.
     */
    public static Map<String, Object> producerConfig(Properties clientProps) {
        Map<String, Object> config = ClientConfig.kafkaOnly(clientProps);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "frontline-publish");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return config;
    }

    /** Creates Frontline's topics on the cluster when they are missing. */
    public static void ensureTopics(Properties clientProps, TopicNames names, int partitions, short replication) {
        try (Admin admin = Admin.create(ClientConfig.kafkaOnly(clientProps))) {
            TopicSetup.ensure(admin, TopicSetup.newTopics(names, partitions, replication));
        }
    }

    /** Every input so far, per source. */
    public Ledger ledger() {
        return ledger;
    }

    /** Publishes each article file; a file that cannot be published is reported and the rest go on. */
    public PublishReport publishFiles(List<Path> paths) {
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (FileInput input : FileInput.expand(paths)) {
            outcomes.add(offerFile("file", input));
        }
        producer.flush();
        return new PublishReport(outcomes.stream().map(CompletableFuture::join).toList());
    }

    /** Offers one article file, identified by its path relative to the directory it was found in. */
    public CompletableFuture<Outcome> offerFile(String source, FileInput input) {
        String origin = input.file().toString();
        try {
            return offerText(source, origin, ArticleIds.forFile(input.identity()), Files.readAllBytes(input.file()));
        } catch (IOException e) {
            return reject(source, origin, "cannot read: " + e.getMessage(), new byte[0]);
        }
    }

    /**
     * Offers text in the crawler's format (an optional date prefix, then the article).
     *
     * @param articleId the article's id, or null to derive it from the text
     */
    public CompletableFuture<Outcome> offerText(String source, String origin, String articleId, byte[] bytes) {
        ledger.received(source);
        TextCheck.Verdict verdict = check.check(bytes);
        if (!verdict.accepted()) {
            return rejectReceived(source, origin, verdict.reason(), bytes);
        }
        ArticleText text = ArticleFiles.parse(verdict.text());
        String id = articleId != null ? articleId : ArticleIds.forText(text.fullText());
        return send(source, origin, article(id, source, origin, text), bytes);
    }

    /** Offers an article whose parts are already separated; its id comes from its URL, else its text. */
    public CompletableFuture<Outcome> offerFields(String source, String origin, ArticleFields fields, byte[] raw) {
        ledger.received(source);
        String problem = problem(fields, raw);
        if (problem != null) {
            return rejectReceived(source, origin, problem, raw);
        }
        ArticleText text = new ArticleText(blankToNull(fields.title()), fields.body().strip(),
                blankToNull(fields.published()));
        String url = blankToNull(fields.url());
        String id = url != null ? ArticleIds.forUrl(url) : ArticleIds.forText(text.fullText());
        String label = blankToNull(fields.outlet()) == null ? source : source + ":" + fields.outlet().strip();
        return send(source, url != null ? url : origin, article(id, label, url, text), raw);
    }

    private String problem(ArticleFields fields, byte[] raw) {
        if (raw.length > check.maxBytes()) {
            return "larger than the limit: " + raw.length + " bytes, limit " + check.maxBytes();
        }
        if (fields.body() == null || fields.body().isBlank()) {
            return "no body";
        }
        TextCheck.Verdict body = check.check(fields.body().getBytes(StandardCharsets.UTF_8));
        if (!body.accepted()) {
            return "body: " + body.reason();
        }
        if (fields.published() != null && !fields.published().isBlank()
                && !DATE.matcher(fields.published().strip()).matches()) {
            return "published is not YYYY-MM or YYYY-MM-DD: " + fields.published();
        }
        return null;
    }

    /** Accounts for an input a source could not make an article of, and says why on the rejections topic. */
    public CompletableFuture<Outcome> reject(String source, String origin, String reason, byte[] bytes) {
        ledger.received(source);
        return rejectReceived(source, origin, reason, bytes);
    }

    private CompletableFuture<Outcome> rejectReceived(String source, String origin, String reason, byte[] bytes) {
        Outcome.Rejected outcome = new Outcome.Rejected(source, origin, reason);
        Rejection rejection = Rejection.newBuilder()
                .setSource(source)
                .setOrigin(origin)
                .setReason(reason)
                .setSize(bytes.length)
                .setFirstBytes(ByteBuffer.wrap(Arrays.copyOf(bytes, Math.min(bytes.length, KEPT_BYTES))))
                .setRejectedAt(clock.instant())
                .build();
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        // The input is accounted as rejected whether or not its record could be written, and a record that
        // could not be written is said so: nothing about bad input goes unreported.
        try {
            producer.send(new ProducerRecord<>(topics.rejected().name(), source,
                    topics.rejected().valueSerde().serializer().serialize(topics.rejected().name(), rejection)),
                    (metadata, error) -> settle(done, error == null ? outcome : unwritten(outcome, error)));
        } catch (RuntimeException e) {
            settle(done, unwritten(outcome, e));
        }
        return done;
    }

    private Outcome.Rejected unwritten(Outcome.Rejected rejected, Exception error) {
        return new Outcome.Rejected(rejected.source(), rejected.origin(), rejected.reason()
                + " (and the rejection could not be written to " + topics.rejected().name() + ": "
                + error.getMessage() + ")");
    }

    private void settle(CompletableFuture<Outcome> done, Outcome outcome) {
        ledger.settled(outcome);
        done.complete(outcome);
    }

    private CompletableFuture<Outcome> send(String source, String origin, Article article, byte[] raw) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        byte[] value = topics.raw().valueSerde().serializer().serialize(topics.raw().name(), article);
        attempt(new Attempt(new ProducerRecord<>(topics.raw().name(), article.getId(), value), source, origin, raw,
                done), 1);
        return done;
    }

    /** An article's record on its way, and what settles it. */
    private record Attempt(ProducerRecord<String, byte[]> record, String source, String origin, byte[] raw,
                           CompletableFuture<Outcome> done) {
    }

    /**
     * One send of an article's record. A failure the cluster need not repeat (a send that timed out while a leader
     * moved, a sequence the new leader does not know) sends it again, up to {@link #SEND_ATTEMPTS} in all:
     * republishing an article is harmless, as its id is its key. Any other failure rejects it with Kafka's reason.
     */
    private void attempt(Attempt attempt, int number) {
        producer.send(attempt.record(), (metadata, error) -> {
            if (error == null) {
                settle(attempt.done(),
                        new Outcome.Published(attempt.source(), attempt.origin(), attempt.record().key()));
                return;
            }
            boolean again = number < SEND_ATTEMPTS && isTransient(error);
            try {
                refusals.execute(() -> {
                    if (again) {
                        retry(attempt, number + 1);
                    } else {
                        refuse(attempt, error, number);
                    }
                });
            } catch (RejectedExecutionException closing) {
                settle(attempt.done(), new Outcome.Rejected(attempt.source(), attempt.origin(), refusal(error, number)
                        + " (and the rejection could not be written: the publisher was closing)"));
            }
        });
    }

    private void retry(Attempt attempt, int number) {
        try {
            attempt(attempt, number);
        } catch (RuntimeException e) {
            refuse(attempt, e, number);
        }
    }

    private void refuse(Attempt attempt, Exception error, int attempts) {
        rejectReceived(attempt.source(), attempt.origin(), refusal(error, attempts), attempt.raw())
                .thenAccept(attempt.done()::complete);
    }

    private static String refusal(Exception error, int attempts) {
        return "Kafka refused it" + (attempts > 1 ? " " + attempts + " times" : "") + ": " + error.getMessage();
    }

    /** Whether a send that failed may succeed when sent again: Kafka calls the error retriable, or a lost sequence. */
    static boolean isTransient(Exception error) {
        return error instanceof RetriableException || error instanceof OutOfOrderSequenceException;
    }

    /** Builds the event for an article's text. */
    private Article article(String id, String source, String url, ArticleText text) {
        return Article.newBuilder()
                .setId(id)
                .setSource(source)
                .setUrl(url)
                .setTitle(text.title())
                .setBody(text.body())
                .setPublished(text.published())
                .setIngestedAt(clock.instant())
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Waits until every send so far is acknowledged. */
    public void flush() {
        producer.flush();
    }

    /** Waits for every send so far, the rejections of refused articles included, then closes the producer. */
    @Override
    public void close() {
        try {
            producer.flush();
            refusals.shutdown();
            refusals.awaitTermination(1, TimeUnit.MINUTES);
            producer.flush(); // what the last refusals sent again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            refusals.shutdownNow();
            producer.close();
        }
    }
}
