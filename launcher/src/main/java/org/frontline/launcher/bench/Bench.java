package org.frontline.launcher.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.frontline.avro.Article;
import org.frontline.consumer.EnrichedLog;
import org.frontline.consumer.TallyConsumer;
import org.frontline.consumer.db.ResultsDatabase;
import org.frontline.launcher.CatchUp;
import org.frontline.launcher.bench.SyntheticCorpus.Generated;
import org.frontline.producer.ArticleIds;
import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.Outcome;
import org.frontline.producer.TextCheck;
import org.frontline.schemas.ClientConfig;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;

/**
 * One benchmark run against a cluster: (a) bare Kafka, (b) the pipeline end to end at full speed, (c) latency
 * at a fixed rate on top of what (b) loaded, (d) what the streams application used. The streams application
 * runs as a child JVM ({@link StreamsProcess}); the benchmark publishes with Frontline's publisher and reads the
 * outputs as a subscriber would ({@link OutputReader}). Each run has its own topics and application id, so runs
 * on a shared cluster do not see each other.
 */
public final class Bench {

    /** The source label of the benchmark's articles. */
    /** The most records the bare-Kafka phase sends: they are held in memory, serialized, before its clock starts. */
    static final int BASELINE_RECORDS = 100_000;
    static final String SOURCE = "bench";
    private static final String MEASURING = "cannot measure the topics";

    /**
     * What to run.
     *
     * @param articles         articles of the full-speed phase
     * @param seed             the corpus seed
     * @param hot              the hot speaker and casualty
     * @param rate             articles per second of the latency phase
     * @param latencySeconds   its length; 0 skips it
     * @param partitions       partitions of every topic
     * @param streamsHeap      the streams JVM's {@code -Xmx}
     * @param streamsThreads   {@code num.stream.threads}
     * @param commitIntervalMs {@code commit.interval.ms}
     * @param cacheBytes       {@code statestore.cache.max.bytes}
     * @param timeout          how long each wait may take
     * @param corpusDir        the articles recombined
     * @param consumer         whether Frontline's consumer runs too, and with which outputs
     */
    public record Options(int articles, long seed, SyntheticCorpus.Hot hot, int rate, int latencySeconds,
                          int partitions, String streamsHeap, int streamsThreads, long commitIntervalMs,
                          long cacheBytes, Duration timeout, Path corpusDir, ConsumerMode consumer) {

        int latencyArticles() {
            return rate * latencySeconds;
        }
    }

    /** Whether {@code frontline consume} runs beside the pipeline, and what it writes. */
    public enum ConsumerMode {
        /** No consumer: end to end ends when the tallies are complete. */
        none,
        /** The consumer writes its files only. */
        files,
        /** The consumer writes its files and the DuckDB database. */
        database
    }

    private final Options options;
    private final PrintWriter progress;

    public Bench(Options options, PrintWriter progress) {
        this.options = options;
        this.progress = progress;
    }

    /**
     * Runs every phase.
     *
     * @param client  client properties with {@code bootstrap.servers}
     * @param cluster how to name the cluster in the result
     * @param workDir where the streams child keeps its state, log and settings
     */
    public BenchResult run(Properties client, String cluster, Path workDir) throws InterruptedException {
        Instant startedAt = Instant.now();
        String runId = "bench-" + Long.toString(startedAt.toEpochMilli(), 36);
        Properties props = new Properties();
        props.putAll(client);
        props.setProperty("frontline.topic.prefix", runId + ".");
        FrontlineTopics topics = FrontlineTopics.named(TopicNames.from(props));
        int total = options.articles() + options.latencyArticles();

        // Articles are made when they are sent, so a million of them take no more memory than ten; only the
        // bare-Kafka phase holds its records, serialized before its clock starts, and it takes at most
        // BASELINE_RECORDS of them.
        SyntheticCorpus generator = SyntheticCorpus.from(options.corpusDir(), options.hot());
        int baselineCount = Math.min(options.articles(), BASELINE_RECORDS);
        step("Generating %,d articles (seed %d) for the bare-Kafka phase; the others as they are sent",
                baselineCount, options.seed());
        long began = System.nanoTime();
        List<Generated> sample = generator.generate(baselineCount, options.seed());
        List<Map.Entry<byte[], byte[]>> records = serialized(sample, topics);
        BenchResult.Corpus corpus = new BenchResult.Corpus(total,
                sample.stream().mapToInt(Generated::bytes).average().orElse(0),
                records.stream().mapToInt(r -> r.getKey().length + r.getValue().length).average().orElse(0),
                seconds(began));
        sample = null;
        Articles articles = new Articles(generator, options.seed());

        step("(a) bare Kafka: %,d records to a scratch topic and back", records.size());
        KafkaBaseline.Result baseline = KafkaBaseline.measure(props, runId + ".scratch", options.partitions(),
                records);
        BenchResult.Kafka kafka = new BenchResult.Kafka(BenchResult.Throughput.of(baseline.produce()),
                BenchResult.Throughput.of(baseline.consume()));

        String applicationId = "frontline-" + runId;
        ArticlePublisher.ensureTopics(props, topics.names(), options.partitions(), (short) -1);
        Path childDir = workDir.resolve("streams-child");
        step("Starting the streams application (-Xmx%s, %d thread(s)); log in %s", options.streamsHeap(),
                options.streamsThreads(), childDir.resolve("streams.log"));
        try (StreamsProcess child = StreamsProcess.start(options.streamsHeap(),
                props.getProperty("bootstrap.servers"), childConfig(props, applicationId), childDir,
                options.partitions());
             OutputReader reader = new OutputReader(props, topics);
             ArticlePublisher publisher = new ArticlePublisher(props, topics,
                     new TextCheck(TextCheck.DEFAULT_MAX_BYTES), Clock.systemUTC());
             Admin admin = Admin.create(ClientConfig.kafkaOnly(props));
             Consuming consuming = Consuming.start(options.consumer(), props, topics, workDir.resolve("out"))) {
            Thread reading = new Thread(reader, "frontline-bench-reader");
            reading.setDaemon(true);
            reading.start();
            awaitRunning(child);
            Pipeline pipeline = new Pipeline(child, reader, new CatchUp(admin), applicationId, topics, consuming);

            step("(b) end to end: %,d articles at full speed", options.articles());
            BenchResult.EndToEnd endToEnd = fullSpeed(publisher, pipeline, articles, kafka);
            BenchResult.Latency latency = null;
            if (options.latencyArticles() > 0) {
                step("(c) latency: %d articles/s for %d s", options.rate(), options.latencySeconds());
                latency = fixedRate(publisher, pipeline, reader, articles);
            }

            step("(d) resources");
            Map<String, long[]> storage = storage(admin, applicationId, topics);
            child.stop();
            Properties heap = child.stats();
            long stateDir = size(childDir.resolve("streams"));
            long changelogBytes = storage.get("changelog")[0];
            long outputBytes = storage.get("output")[0];
            BenchResult.Resources resources = new BenchResult.Resources(total,
                    number(heap, "heap_max_bytes"), number(heap, "peak_heap_bytes"),
                    number(heap, "peak_heap_after_gc_bytes"), changelogBytes, storage.get("changelog")[1],
                    storage.get("repartition")[0], outputBytes, storage.get("output")[1],
                    (double) changelogBytes / total, (double) outputBytes / total, stateDir,
                    topicBytes(admin, applicationId));
            return new BenchResult(startedAt.toString(), cluster, settings(), corpus, kafka, endToEnd, latency,
                    resources);
        }
    }

    private BenchResult.Settings settings() {
        return new BenchResult.Settings(options.articles(), options.seed(), options.hot().speaker(),
                options.hot().casualty(), options.rate(), options.latencySeconds(), options.partitions(),
                options.streamsHeap(), options.streamsThreads(), options.commitIntervalMs(), options.cacheBytes());
    }

    /** The articles as the publisher would write them: key and Avro value. */
    private static List<Map.Entry<byte[], byte[]>> serialized(List<Generated> articles, FrontlineTopics topics) {
        List<Map.Entry<byte[], byte[]>> records = new ArrayList<>(articles.size());
        Instant now = Instant.now();
        for (Generated generated : articles) {
            var fields = generated.fields();
            String id = ArticleIds.forUrl(fields.url());
            Article article = Article.newBuilder().setId(id).setSource(SOURCE).setUrl(fields.url())
                    .setTitle(fields.title()).setBody(fields.body()).setPublished(fields.published())
                    .setIngestedAt(now).build();
            records.add(new AbstractMap.SimpleImmutableEntry<>(id.getBytes(StandardCharsets.UTF_8),
                    topics.raw().valueSerde().serializer().serialize(topics.raw().name(), article)));
        }
        return records;
    }

    /** The child's --config: the client settings, its application id and the Kafka Streams settings compared. */
    private Properties childConfig(Properties props, String applicationId) {
        Properties config = new Properties();
        config.putAll(props);
        config.remove("bootstrap.servers");
        config.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.setProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(options.streamsThreads()));
        config.setProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(options.commitIntervalMs()));
        config.setProperty(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, Long.toString(options.cacheBytes()));
        return config;
    }

    private void awaitRunning(StreamsProcess child) throws InterruptedException {
        boolean running = CatchUp.await(() -> {
            child.checkRunning();
            return child.state().equals("RUNNING");
        }, options.timeout());
        if (!running) {
            throw new BenchException("the streams application was not RUNNING after " + options.timeout().toSeconds()
                    + " s (state " + child.state() + "); the end of its log:\n" + child.logTail());
        }
    }

    private BenchResult.EndToEnd fullSpeed(ArticlePublisher publisher, Pipeline pipeline, Articles articles,
                                           BenchResult.Kafka kafka) throws InterruptedException {
        int count = options.articles();
        int half = pipeline.reader.enrichedArticles() + count / 2;
        pipeline.reader.markWhenEnriched(half);
        long began = System.nanoTime();
        Sent sent = new Sent();
        for (int i = 0; i < count; i++) {
            sent.track(offer(publisher, articles.get(i)));
        }
        publisher.flush();
        double publishSeconds = seconds(began);
        sent.requirePublished(count, options.timeout());
        pipeline.awaitComplete(count, options.timeout());
        double talliesSeconds = seconds(began);
        double secondHalf = (count - count / 2) / ((System.nanoTime() - pipeline.reader.markedNanos()) / 1e9);
        // With a consumer, end to end ends when it has written everything too (and committed it, with a database).
        pipeline.awaitConsumer(options.timeout());
        double seconds = seconds(began);
        double perSecond = count / seconds;
        return new BenchResult.EndToEnd(count, publishSeconds, seconds, perSecond,
                perSecond / kafka.produce().recordsPerSecond(), perSecond / kafka.consume().recordsPerSecond(),
                pipeline.reader.enrichedArticles(), hotSpeaker(pipeline.reader),
                hotCasualty(pipeline.reader), options.consumer().name(), talliesSeconds,
                pipeline.consuming.databaseBytes(), pipeline.consuming.cpuSeconds(), secondHalf);
    }

    private BenchResult.Latency fixedRate(ArticlePublisher publisher, Pipeline pipeline, OutputReader reader,
                                          Articles articles) throws InterruptedException {
        int phase = options.latencyArticles();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / options.rate();
        Sent sent = new Sent();
        reader.measureFrom(System.currentTimeMillis());
        long began = System.nanoTime();
        for (int i = 0; i < phase; i++) {
            long due = began + i * intervalNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
                if (Thread.interrupted()) {
                    throw new InterruptedException("stopped while publishing at a fixed rate");
                }
            }
            sent.track(offer(publisher, articles.get(options.articles() + i)));
            if (i % options.rate() == 0) {
                pipeline.child.checkRunning();
            }
        }
        publisher.flush();
        double sendSeconds = seconds(began);
        sent.requirePublished(phase, options.timeout());
        long lastSent = System.nanoTime();
        pipeline.awaitComplete(options.articles() + phase, options.timeout());
        double catchUp = seconds(lastSent);
        return new BenchResult.Latency(options.rate(), options.latencySeconds(), phase,
                phase / sendSeconds, BenchResult.Percentiles.of(reader.toEnriched()),
                BenchResult.Percentiles.of(reader.toTally()), catchUp, reader.enrichedArticles(),
                hotSpeaker(reader), hotCasualty(reader));
    }

    private static CompletableFuture<Outcome> offer(ArticlePublisher publisher, Generated article) {
        var fields = article.fields();
        return publisher.offerFields(SOURCE, fields.url(), fields, fields.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The articles of the run, each made when it is asked for. */
    private record Articles(SyntheticCorpus generator, long seed) {
        Generated get(int number) {
            return generator.article(number, seed);
        }
    }

    /** What became of the articles sent, counted as their outcomes arrive rather than kept. */
    private static final class Sent {
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicReference<Outcome.Rejected> firstRejected = new AtomicReference<>();

        void track(CompletableFuture<Outcome> outcome) {
            outcome.whenComplete((result, error) -> {
                if (result instanceof Outcome.Rejected rejected) {
                    firstRejected.compareAndSet(null, rejected);
                }
                done.incrementAndGet();
            });
        }

        void requirePublished(int count, Duration timeout) throws InterruptedException {
            if (!CatchUp.await(() -> done.get() >= count, timeout)) {
                throw new BenchException("only " + done.get() + " of " + count + " articles were acknowledged within "
                        + timeout.toSeconds() + " s");
            }
            Outcome.Rejected rejected = firstRejected.get();
            if (rejected != null) {
                throw new BenchException("an article was not published: " + rejected.origin() + ": "
                        + rejected.reason());
            }
        }
    }

    private Integer hotSpeaker(OutputReader reader) {
        return options.hot().speaker() ? reader.speakerArticles(SyntheticCorpus.HOT_SPEAKER) : null;
    }

    private Integer hotCasualty(OutputReader reader) {
        return options.hot().casualty() ? reader.casualtyArticles(SyntheticCorpus.HOT_CASUALTY) : null;
    }

    /** Frontline's consumer on a thread of the benchmark's JVM, or nothing with {@link ConsumerMode#none}. */
    private static final class Consuming implements AutoCloseable {

        private final TallyConsumer consumer;
        private final Thread thread;
        private final Path out;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private Consuming(TallyConsumer consumer, Path out) {
            this.consumer = consumer;
            this.out = out;
            this.thread = consumer == null ? null : new Thread(consumer, "frontline-bench-consumer");
            if (thread != null) {
                thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
                thread.start();
            }
        }

        static Consuming start(ConsumerMode mode, Properties props, FrontlineTopics topics, Path out) {
            if (mode == ConsumerMode.none) {
                return new Consuming(null, out);
            }
            ResultsDatabase database = mode == ConsumerMode.database
                    ? ResultsDatabase.open(ResultsDatabase.duckDbUrl(out), new Properties()) : null;
            return new Consuming(new TallyConsumer(props, topics, out, TallyConsumer.DEFAULT_TALLY_INTERVAL,
                    EnrichedLog.DEFAULT_MAX_FILE_BYTES, database), out);
        }

        void checkRunning() {
            if (failure.get() != null) {
                throw new BenchException("the consumer failed: " + failure.get().getMessage(), failure.get());
            }
        }

        /** CPU time the consumer's thread has used so far, or null without a consumer. */
        Double cpuSeconds() {
            if (thread == null) {
                return null;
            }
            long nanos = ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
            return nanos < 0 ? null : nanos / 1e9;
        }

        /** The DuckDB file's size (with its write-ahead log), or null without a database. */
        Long databaseBytes() {
            Path file = out.resolve(ResultsDatabase.DUCKDB_FILE);
            if (!Files.exists(file)) {
                return null;
            }
            try {
                Path wal = out.resolve(ResultsDatabase.DUCKDB_FILE + ".wal");
                return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (consumer == null) {
                return;
            }
            consumer.stop();
            thread.join(TimeUnit.MINUTES.toMillis(1));
            consumer.close();
        }
    }

    /**
     * The pipeline as the benchmark watches it: the streams child, the reader of its outputs, and the
     * committed offsets of its consumer group.
     */
    private final class Pipeline {

        private final StreamsProcess child;
        private final OutputReader reader;
        private final CatchUp catchUp;
        private final String applicationId;
        private final FrontlineTopics topics;
        private final Consuming consuming;

        Pipeline(StreamsProcess child, OutputReader reader, CatchUp catchUp, String applicationId,
                 FrontlineTopics topics, Consuming consuming) {
            this.child = child;
            this.reader = reader;
            this.catchUp = catchUp;
            this.applicationId = applicationId;
            this.topics = topics;
            this.consuming = consuming;
        }

        /** Waits until the consumer, if one runs, has read and written everything committed on the outputs. */
        void awaitConsumer(Duration timeout) throws InterruptedException {
            if (consuming.consumer == null) {
                return;
            }
            Set<String> outputs = Set.of(topics.enriched().name(), topics.casualties().name(),
                    topics.statements().name());
            boolean done = CatchUp.await(() -> {
                consuming.checkRunning();
                return CatchUp.reached(consuming.consumer.positions(), catchUp.committedEnds(outputs));
            }, timeout);
            if (!done) {
                throw new BenchException("the consumer did not catch up within " + timeout.toSeconds() + " s");
            }
        }

        /**
         * Waits until every tally counts every one of {@code expected} articles: the streams group has committed
         * the end of its input and repartition topics (twice in a row, as records derived from the last commit
         * may still be on their way), the reader has read everything committed on the output topics, and it has
         * seen {@code expected} articles enriched and in the hot tallies.
         */
        void awaitComplete(int expected, Duration timeout) throws InterruptedException {
            Set<String> inputs = Set.of(topics.raw().name(), topics.enriched().name());
            Set<String> outputs = Set.of(topics.enriched().name(), topics.casualties().name(),
                    topics.statements().name());
            int[] streak = {0};
            boolean complete = CatchUp.await(() -> {
                child.checkRunning();
                if (reader.failure() != null) {
                    throw new BenchException("reading the output topics failed: " + reader.failure().getMessage(),
                            reader.failure());
                }
                boolean now = catchUp.groupCaughtUp(applicationId, catchUp.streamsInputs(applicationId, inputs));
                streak[0] = now ? streak[0] + 1 : 0;
                return streak[0] >= 2 && CatchUp.reached(reader.positions(), catchUp.committedEnds(outputs))
                        && counted(expected);
            }, timeout);
            if (!complete) {
                throw new BenchException(String.format(Locale.ROOT, "the tallies did not count all %d articles "
                        + "within %d s: %d enriched, hot speaker %s, hot casualty %s (streams state %s)", expected,
                        timeout.toSeconds(), reader.enrichedArticles(), hotSpeaker(reader),
                        hotCasualty(reader), child.state()));
            }
        }

        private boolean counted(int expected) {
            return reader.enrichedArticles() == expected
                    && (!options.hot().speaker() || reader.speakerArticles(SyntheticCorpus.HOT_SPEAKER) == expected)
                    && (!options.hot().casualty()
                        || reader.casualtyArticles(SyntheticCorpus.HOT_CASUALTY) == expected);
        }
    }

    /**
     * Bytes on the broker (one replica of each partition, from describeLogDirs) and the sum of end offsets, of
     * the changelog, repartition and output topics.
     */
    private static Map<String, long[]> storage(Admin admin, String applicationId, FrontlineTopics topics)
            throws InterruptedException {
        Set<String> outputs = Set.of(topics.enriched().name(), topics.casualties().name(),
                topics.statements().name());
        Map<TopicPartition, Long> bytes = partitionBytes(admin);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        bytes.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        BenchException.await(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all(),
                MEASURING).forEach((p, info) -> ends.put(p, info.offset()));
        Map<String, long[]> totals = new HashMap<>();
        for (String kind : List.of("changelog", "repartition", "output")) {
            totals.put(kind, new long[2]);
        }
        bytes.forEach((partition, size) -> {
            String topic = partition.topic();
            String kind = outputs.contains(topic) ? "output"
                    : topic.startsWith(applicationId + "-") && topic.endsWith("-changelog") ? "changelog"
                    : topic.startsWith(applicationId + "-") && topic.endsWith("-repartition") ? "repartition"
                    : null;
            if (kind != null) {
                totals.get(kind)[0] += size;
                totals.get(kind)[1] += ends.getOrDefault(partition, 0L);
            }
        });
        return totals;
    }

    /** Bytes of each of the application's internal topics, named without the application id. */
    private static Map<String, Long> topicBytes(Admin admin, String applicationId) throws InterruptedException {
        Map<String, Long> bytes = new TreeMap<>();
        partitionBytes(admin).forEach((partition, size) -> {
            if (partition.topic().startsWith(applicationId + "-")) {
                bytes.merge(partition.topic().substring(applicationId.length() + 1), size, Long::sum);
            }
        });
        return bytes;
    }

    /** Bytes of each partition on the cluster, one replica of it (the largest). */
    private static Map<TopicPartition, Long> partitionBytes(Admin admin) throws InterruptedException {
        List<Integer> brokers = BenchException.await(admin.describeCluster().nodes(), MEASURING).stream()
                .map(Node::id).toList();
        Map<TopicPartition, Long> bytes = new HashMap<>();
        for (Map<String, LogDirDescription> dirs
                : BenchException.await(admin.describeLogDirs(brokers).allDescriptions(), MEASURING).values()) {
            for (LogDirDescription dir : dirs.values()) {
                dir.replicaInfos().forEach((partition, replica) -> bytes.merge(partition, replica.size(), Math::max));
            }
        }
        return bytes;
    }

    private static long size(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            throw new BenchException("cannot measure " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long number(Properties props, String name) {
        return Long.parseLong(props.getProperty(name, "0"));
    }

    private void step(String format, Object... args) {
        progress.println(String.format(Locale.ROOT, format, args));
        progress.flush();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
