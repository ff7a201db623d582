package org.frontline.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.consumer.db.ResultsBatch;
import org.frontline.consumer.db.ResultsDatabase;
import org.frontline.schemas.ClientConfig;
import org.frontline.schemas.CommittedReader;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the output directory in step with {@code articles.enriched} and the two tally topics.
 *
 * <ul>
 *   <li>{@code articles.enriched} is appended to the {@link EnrichedLog} in {@code enriched/}, one line
 *       a record, and resumed from the log's checkpoint: a consumer stopped in any way and started
 *       again on the same directory neither loses nor repeats a line;</li>
 *   <li>{@code tallies.casualties} and {@code tallies.statements} are read from the beginning at every
 *       start (they are compacted, one record per tally) and kept in memory, one entry per tally; the
 *       {@link OutputFiles} are rewritten from them at most once per tally interval, and once more
 *       when it stops. At start-up they are not written until the tallies there were then are read.</li>
 * </ul>
 *
 * <p>With a {@link ResultsDatabase} it also keeps the articles, their figures and statements and both tallies in
 * its tables: what it read since the last write goes in one transaction, at most once per tally interval (or
 * after 2,000 articles), with the offsets of {@code articles.enriched} reached, and it
 * resumes from those, so the database too neither loses nor repeats a record however the consumer stopped. When
 * the log and the database were left at different offsets (a database added to an existing directory, a kill
 * between the two), it reads from the earlier and gives each only what it lacks. The tally tables are written
 * from the tallies in memory, whole once the start-up read is done, then as they change.
 *
 * <p>It reads with {@code isolation.level=read_committed}, so it sees only what the exactly-once
 * streams application committed, outside any consumer group, and commits no offsets: its position is
 * the checkpoint in its own output directory, so two consumers each write a complete copy. Memory
 * depends on the number of tallies, never on the number of articles.
 */
public final class TallyConsumer implements Runnable, AutoCloseable {

    /** How often the tally files are rewritten at most, unless configured otherwise. */
    public static final Duration DEFAULT_TALLY_INTERVAL = Duration.ofSeconds(1);
    /** The directory of the enriched log inside the output directory. */
    public static final String ENRICHED_DIR = "enriched";

    private static final Logger LOG = LoggerFactory.getLogger(TallyConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    // Articles held for the database before a write is due anyway: a bound on memory, whatever the interval.
    private static final int MAX_DATABASE_BATCH = 2_000;

    private final Consumer<String, byte[]> consumer;
    private final FrontlineTopics topics;
    private final OutputFiles files;
    private final Path logDir;
    private final long maxFileBytes;
    private final Function<String, String> topicIds;
    private final long tallyIntervalNanos;
    private final Map<String, CasualtyTally> casualties = new TreeMap<>();
    private final Map<String, SpeakerTally> speakers = new TreeMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final ResultsDatabase database;
    // What the database lacks: per enriched partition the first offset it has not stored; tallies changed since.
    private final Map<Integer, Long> databaseFrom = new HashMap<>();
    private final Map<Integer, Long> logFrom = new HashMap<>();
    private final Map<String, CasualtyTally> casualtiesForDatabase = new LinkedHashMap<>();
    private final Map<String, SpeakerTally> speakersForDatabase = new LinkedHashMap<>();
    private ResultsBatch batch = new ResultsBatch();
    private boolean databaseHasTallies;
    private String enrichedTopicId;
    private Map<Integer, Long> databaseOffsets = Map.of();
    private EnrichedLog log;
    private List<TopicPartition> assigned = List.of();
    private Map<TopicPartition, Long> tallyEndsAtStart = Map.of();
    private boolean talliesLoaded;
    // True at start, so the files are rewritten once from the topics even when nothing changes.
    private boolean casualtiesChanged = true;
    private boolean speakersChanged = true;
    private long lastTallyWrite;
    private long lastDatabaseWrite;
    private volatile boolean running = true;
    private int undecodable;

    /** A consumer writing to {@code out}, with the default tally interval and file size. */
    public TallyConsumer(Properties clientProps, FrontlineTopics topics, Path out) {
        this(clientProps, topics, out, DEFAULT_TALLY_INTERVAL, EnrichedLog.DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * A consumer writing to {@code out}.
     *
     * @param tallyInterval the least time between two rewrites of the tally files
     * @param maxFileBytes  the size past which the enriched log rolls over to a new file
     */
    public TallyConsumer(Properties clientProps, FrontlineTopics topics, Path out, Duration tallyInterval,
                         long maxFileBytes) {
        this(clientProps, topics, out, tallyInterval, maxFileBytes, null);
    }

    /**
     * A consumer writing to {@code out} and, unless null, to {@code database}, which it closes when closed.
     *
     * @param tallyInterval the least time between two rewrites of the tally files
     * @param maxFileBytes  the size past which the enriched log rolls over to a new file
     */
    public TallyConsumer(Properties clientProps, FrontlineTopics topics, Path out, Duration tallyInterval,
                         long maxFileBytes, ResultsDatabase database) {
        this(new KafkaConsumer<>(config(clientProps), topics.enriched().keySerde().deserializer(),
                new ByteArrayDeserializer()), topic -> topicId(clientProps, topic), topics, out, tallyInterval,
                maxFileBytes, database);
    }

    /** A consumer on {@code consumer}; {@code topicIds} gives a topic's id from its name. */
    TallyConsumer(Consumer<String, byte[]> consumer, Function<String, String> topicIds, FrontlineTopics topics,
                  Path out, Duration tallyInterval, long maxFileBytes) {
        this(consumer, topicIds, topics, out, tallyInterval, maxFileBytes, null);
    }

    /** A consumer on {@code consumer} that also writes to {@code database} unless it is null. */
    TallyConsumer(Consumer<String, byte[]> consumer, Function<String, String> topicIds, FrontlineTopics topics,
                  Path out, Duration tallyInterval, long maxFileBytes, ResultsDatabase database) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("the largest file size must be positive: " + maxFileBytes);
        }
        this.consumer = consumer;
        this.topicIds = topicIds;
        this.topics = topics;
        this.files = new OutputFiles(out);
        this.logDir = out.resolve(ENRICHED_DIR);
        this.maxFileBytes = maxFileBytes;
        this.tallyIntervalNanos = tallyInterval.toNanos();
        this.database = database;
        this.lastTallyWrite = System.nanoTime() - tallyIntervalNanos;
        this.lastDatabaseWrite = lastTallyWrite;
    }

    private static String topicId(Properties clientProps, String topic) {
        try (Admin admin = Admin.create(ClientConfig.kafkaOnly(clientProps))) {
            return admin.describeTopics(List.of(topic)).topicNameValues().get(topic).get(30, TimeUnit.SECONDS)
                    .topicId().toString();
        } catch (ExecutionException e) {
            throw new KafkaException("cannot describe " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("cannot describe " + topic + ": the cluster did not answer in 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    private static Map<String, Object> config(Properties clientProps) {
        Map<String, Object> config = CommittedReader.config(clientProps, "frontline-consume");
        // Every position is sought explicitly; one that falls off the log is an error, never a silent skip.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        return config;
    }

    /**
     * Opens the enriched log, dropping what a crash left after its checkpoint, and assigns every
     * partition of the three topics: the enriched articles from the log's checkpoint (from the
     * beginning without one), the tallies from the beginning. Writes empty tally files when there are
     * none yet, so the directory is complete from the start.
     *
     * @throws IllegalStateException when the log cannot be resumed: see {@link EnrichedLog#open}, or a
     *                               checkpoint past the end of its partition
     */
    public void assignAll() {
        if (log != null) {
            throw new IllegalStateException("already assigned");
        }
        String enriched = topics.enriched().name();
        enrichedTopicId = topicIds.apply(enriched);
        log = EnrichedLog.open(logDir, enriched, enrichedTopicId, maxFileBytes);
        if (database != null) {
            databaseOffsets = database.offsets(enriched, enrichedTopicId);
        }
        List<TopicPartition> all = CommittedReader.assignAll(consumer,
                List.of(enriched, topics.casualties().name(), topics.statements().name()));
        List<TopicPartition> articles = all.stream().filter(p -> p.topic().equals(enriched)).toList();
        List<TopicPartition> tallies = all.stream().filter(p -> !p.topic().equals(enriched)).toList();
        resume(articles);
        consumer.seekToBeginning(tallies);
        tallyEndsAtStart = consumer.endOffsets(tallies);
        files.removeTemporaryFiles();
        if (!files.talliesExist()) {
            files.writeCasualties(List.of());
            files.writeSpeakers(List.of());
        }
        assigned = all;
    }

    private void resume(List<TopicPartition> partitions) {
        Map<Integer, Long> checkpointed = log.offsets();
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition p : partitions) {
            long beginning = beginnings.get(p);
            long next = start(p, checkpointed.get(p.partition()), beginning, ends.get(p), "the log in " + log.dir(),
                    "Move " + log.dir() + " away to start a new log");
            logFrom.put(p.partition(), next);
            if (database != null) {
                long stored = start(p, databaseOffsets.get(p.partition()), beginning, ends.get(p), database.name(),
                        "Drop its tables to start them again");
                databaseFrom.put(p.partition(), stored);
                next = Math.min(next, stored);
            }
            consumer.seek(p, next);
        }
        LOG.info("Appending {} to {} from offsets {}", topics.enriched().name(), log.activeFile(),
                checkpointed.isEmpty() ? "at the beginning" : checkpointed);
        if (database != null) {
            LOG.info("Writing {} to {} from offsets {}", topics.enriched().name(), database.name(),
                    databaseOffsets.isEmpty() ? "at the beginning" : databaseOffsets);
        }
    }

    /** Where a copy that was complete up to {@code next} (null: nothing yet) goes on reading {@code p}. */
    private static long start(TopicPartition p, Long next, long beginning, long end, String copy, String remedy) {
        if (next == null) {
            return beginning;
        }
        if (next > end) {
            throw new IllegalStateException(p + " ends at offset " + end + " but " + copy + " was read up to offset "
                    + next + ": records it holds were lost from the topic. " + remedy);
        }
        if (next < beginning) {
            LOG.warn("{}: offsets {} to {} were deleted from the topic before this consumer read them into {}",
                    p, next, beginning - 1, copy);
            return beginning;
        }
        return next;
    }

    /**
     * Polls once, appends the articles read to the log and checkpoints it, and rewrites the tally
     * files when they changed and the tally interval has passed; returns how many records it read.
     */
    public int pollOnce(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        for (ConsumerRecord<String, byte[]> record : records) {
            String topic = record.topic();
            if (topic.equals(topics.enriched().name())) {
                append(record);
            } else if (topic.equals(topics.casualties().name())) {
                casualtiesChanged |= apply(casualties, record, topics.casualties(), casualtiesForDatabase);
            } else {
                speakersChanged |= apply(speakers, record, topics.statements(), speakersForDatabase);
            }
        }
        checkpoint(false);
        writeTallies(false);
        return records.count();
    }

    /** Whether every tally there was at start-up has been read back. */
    private boolean talliesLoaded() {
        if (!talliesLoaded) {
            talliesLoaded = !assigned.isEmpty() && tallyEndsAtStart.entrySet().stream()
                    .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
        }
        return talliesLoaded;
    }

    private void append(ConsumerRecord<String, byte[]> record) {
        boolean toLog = record.offset() >= logFrom.getOrDefault(record.partition(), 0L);
        boolean toDatabase = database != null && record.offset() >= databaseFrom.getOrDefault(record.partition(), 0L);
        if (record.value() == null) {
            if (record.key() == null) {
                undecodable(record, "a tombstone without a key");
                return;
            }
            if (toLog) {
                log.withdraw(record.key());
            }
            if (toDatabase) {
                batch.withdrawn(record.offset(), record.key());
            }
            return;
        }
        if (!toLog && !toDatabase) {
            return;
        }
        EnrichedArticle article = decode(record, topics.enriched());
        if (article == null) {
            return;
        }
        if (toLog) {
            log.append(article);
        }
        if (toDatabase) {
            batch.article(record.offset(), article);
        }
    }

    private <V> boolean apply(Map<String, V> state, ConsumerRecord<String, byte[]> record, Topic<String, V> topic,
                              Map<String, V> forDatabase) {
        if (record.value() == null) {
            boolean removed = state.remove(record.key()) != null;
            if (removed && database != null) {
                forDatabase.put(record.key(), null);
            }
            return removed;
        }
        V value = decode(record, topic);
        if (value == null) {
            return false;
        }
        state.put(record.key(), value);
        if (database != null) {
            forDatabase.put(record.key(), value);
        }
        return true;
    }

    private <V> V decode(ConsumerRecord<String, byte[]> record, Topic<String, V> topic) {
        try {
            return topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
        } catch (RuntimeException e) {
            undecodable(record, e.getMessage());
            return null;
        }
    }

    private void undecodable(ConsumerRecord<String, byte[]> record, String why) {
        undecodable++;
        LOG.error("skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                why);
    }

    /**
     * Checkpoints the log at the positions reached and, when due or {@code last}, commits the database's batch;
     * only then are they reported by {@link #positions()}.
     */
    private void checkpoint(boolean last) {
        if (assigned.isEmpty()) {
            return;
        }
        String enriched = topics.enriched().name();
        Map<Integer, Long> next = new TreeMap<>(log.offsets());
        Map<TopicPartition, Long> reached = new HashMap<>();
        for (TopicPartition p : assigned) {
            long position = consumer.position(p);
            reached.put(p, position);
            if (p.topic().equals(enriched)) {
                next.put(p.partition(), position);
            }
        }
        if (!next.equals(log.offsets())) {
            log.checkpoint(next);
        }
        if (database != null && !writeDatabase(reached, last)) {
            return;
        }
        positions.putAll(reached);
    }

    /**
     * Applies what the polls since the last write read to the database in one transaction, with the offsets they
     * reached: at most once per tally interval unless {@code last} or the batch is full, as each transaction has a
     * fixed cost (a consumer keeping up with a live stream polls a few records at a time). Returns whether it
     * wrote, or had nothing to write.
     */
    private boolean writeDatabase(Map<TopicPartition, Long> reached, boolean last) {
        long now = System.nanoTime();
        if (!last && batch.articleCount() < MAX_DATABASE_BATCH && now - lastDatabaseWrite < tallyIntervalNanos) {
            return false;
        }
        String enriched = topics.enriched().name();
        Map<Integer, Long> next = new TreeMap<>();
        reached.forEach((p, position) -> {
            if (p.topic().equals(enriched) && position > databaseFrom.getOrDefault(p.partition(), 0L)) {
                next.put(p.partition(), position);
            }
        });
        // Tallies go in only once read back whole, as the files do, and then all at once the first time.
        boolean tallies = talliesLoaded(positionsWith(reached));
        if (tallies) {
            if (!databaseHasTallies) {
                batch.replaceTallies();
                casualties.forEach(batch::casualtyTally);
                speakers.forEach(batch::speakerTally);
                databaseHasTallies = true;
            } else {
                casualtiesForDatabase.forEach(batch::casualtyTally);
                speakersForDatabase.forEach(batch::speakerTally);
            }
            casualtiesForDatabase.clear();
            speakersForDatabase.clear();
        }
        lastDatabaseWrite = now;
        if (batch.changesNoRows() && next.isEmpty()) {
            return true;
        }
        batch.offsets(enriched, enrichedTopicId, next);
        database.apply(batch);
        next.forEach(databaseFrom::put);
        batch = new ResultsBatch();
        return true;
    }

    private boolean talliesLoaded(Map<TopicPartition, Long> reached) {
        return !assigned.isEmpty() && tallyEndsAtStart.entrySet().stream()
                .allMatch(e -> reached.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private Map<TopicPartition, Long> positionsWith(Map<TopicPartition, Long> reached) {
        Map<TopicPartition, Long> all = new HashMap<>(positions);
        all.putAll(reached);
        return all;
    }

    /** Rewrites the changed tally files once the start-up read is done, at most once per interval unless final. */
    private void writeTallies(boolean last) {
        if (!talliesLoaded()) {
            return;
        }
        long now = System.nanoTime();
        if (!last && now - lastTallyWrite < tallyIntervalNanos) {
            return;
        }
        if (casualtiesChanged) {
            files.writeCasualties(casualties.values());
            casualtiesChanged = false;
        }
        if (speakersChanged) {
            files.writeSpeakers(speakers.values());
            speakersChanged = false;
        }
        lastTallyWrite = now;
    }

    /** The position reached on each assigned partition, as of the last poll; safe from any thread. */
    public Map<TopicPartition, Long> positions() {
        return Map.copyOf(positions);
    }

    /** The current casualty tallies; call from the polling thread, or after {@link #run()} returned. */
    public List<CasualtyTally> casualtyTallies() {
        return List.copyOf(casualties.values());
    }

    /** The current statement tallies; call from the polling thread, or after {@link #run()} returned. */
    public List<SpeakerTally> speakerTallies() {
        return List.copyOf(speakers.values());
    }

    /** Records on the three topics it could not decode. */
    public int undecodable() {
        return undecodable;
    }

    /**
     * Assigns, then polls until {@link #stop()}; then checkpoints the log and writes the tally files
     * a last time, so they are final when it returns.
     */
    @Override
    public void run() {
        try {
            assignAll();
            while (running) {
                pollOnce(POLL);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        }
        checkpoint(true);
        writeTallies(true);
    }

    /** Asks {@link #run()} to return; safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void close() {
        try {
            consumer.close();
        } finally {
            try {
                if (log != null) {
                    log.close();
                }
            } finally {
                if (database != null) {
                    database.close();
                }
            }
        }
    }
}
