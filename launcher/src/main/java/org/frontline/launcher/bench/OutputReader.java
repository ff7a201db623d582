package org.frontline.launcher.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.SpeakerTally;
import org.frontline.extract.SpeakerNames;
import org.frontline.schemas.CommittedReader;
import org.frontline.schemas.FrontlineTopics;

/**
 * Reads Frontline's output topics from the beginning with {@code read_committed}, as a subscriber would, on a
 * thread of its own: which articles have been enriched, the latest tallies, and, for every output record whose
 * timestamp is at or after {@link #measureFrom(long)}, how long after that timestamp it could be read. Kafka
 * Streams gives an output record the timestamp of the input record it came from, and the producer stamps each
 * article when it sends it, so that is the time from publishing to this reader.
 */
final class OutputReader implements Runnable, AutoCloseable {

    /** Latencies are kept in milliseconds, up to an hour, to three significant digits. */
    private static final long HIGHEST_MS = 3_600_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final FrontlineTopics topics;
    private final Set<String> enriched = ConcurrentHashMap.newKeySet();
    private final Map<String, CasualtyTally> casualties = new ConcurrentHashMap<>();
    private final Map<String, SpeakerTally> speakers = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Histogram toEnriched = new Histogram(HIGHEST_MS, 3);
    private final Histogram toTally = new Histogram(HIGHEST_MS, 3);
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile int mark = Integer.MAX_VALUE;
    private volatile long markedNanos;
    private volatile Throwable failure;

    OutputReader(Properties clientProps, FrontlineTopics topics) {
        this.consumer = new KafkaConsumer<>(CommittedReader.config(clientProps, "frontline-bench-reader"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        try {
            List<TopicPartition> partitions = CommittedReader.assignAll(consumer,
                    List.of(topics.enriched().name(), topics.casualties().name(), topics.statements().name()));
            consumer.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> record : records) {
                    take(record, now);
                }
                for (TopicPartition partition : consumer.assignment()) {
                    positions.put(partition, consumer.position(partition));
                }
            }
        } catch (WakeupException stopping) {
            // close() asked this thread to stop.
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private void take(ConsumerRecord<String, byte[]> record, long now) {
        String topic = record.topic();
        boolean measured = record.timestamp() >= measureFrom;
        if (topic.equals(topics.enriched().name())) {
            if (record.value() != null && enriched.add(record.key()) && enriched.size() == mark) {
                markedNanos = System.nanoTime();
            }
            if (measured) {
                record(toEnriched, now - record.timestamp());
            }
            return;
        }
        if (topic.equals(topics.casualties().name())) {
            put(casualties, record.key(), record.value() == null ? null
                    : topics.casualties().valueSerde().deserializer().deserialize(topic, record.value()));
        } else if (topic.equals(topics.statements().name())) {
            put(speakers, record.key(), record.value() == null ? null
                    : topics.statements().valueSerde().deserializer().deserialize(topic, record.value()));
        }
        if (measured) {
            record(toTally, now - record.timestamp());
        }
    }

    private static <V> void put(Map<String, V> map, String key, V value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    private static void record(Histogram histogram, long millis) {
        synchronized (histogram) {
            histogram.recordValue(Math.max(0, Math.min(millis, HIGHEST_MS)));
        }
    }

    /** Measures latency for output records stamped at or after {@code epochMillis}. */
    void measureFrom(long epochMillis) {
        measureFrom = epochMillis;
    }

    /** Notes the time ({@link #markedNanos()}) at which {@code articles} distinct articles have been read enriched. */
    void markWhenEnriched(int articles) {
        markedNanos = 0;
        mark = articles;
    }

    /** {@link System#nanoTime()} when the mark of {@link #markWhenEnriched} was reached; 0 before. */
    long markedNanos() {
        return markedNanos;
    }

    /** A copy of the publish-to-enriched latencies so far, in milliseconds. */
    Histogram toEnriched() {
        synchronized (toEnriched) {
            return toEnriched.copy();
        }
    }

    /** A copy of the publish-to-tally latencies so far, in milliseconds. */
    Histogram toTally() {
        synchronized (toTally) {
            return toTally.copy();
        }
    }

    /** How many distinct articles have been read enriched. */
    int enrichedArticles() {
        return enriched.size();
    }

    /** The articles the tally of {@code speaker} counts, 0 when there is none. */
    int speakerArticles(String speaker) {
        String key = SpeakerNames.canonicalKey(speaker);
        return speakers.values().stream().filter(t -> SpeakerNames.canonicalKey(t.getSpeaker()).equals(key))
                .mapToInt(SpeakerTally::getArticles).max().orElse(0);
    }

    /** The articles the casualty tally of (outcome, victims, party) counts, 0 when there is none. */
    int casualtyArticles(SyntheticCorpus.HotCasualty hot) {
        return casualties.values().stream()
                .filter(t -> t.getOutcome().equals(hot.outcome()) && t.getVictims().equals(hot.victims())
                        && Objects.equals(t.getParty(), hot.party()))
                .mapToInt(CasualtyTally::getArticles).max().orElse(0);
    }

    /** The reader's position in each partition, after its last poll. */
    Map<TopicPartition, Long> positions() {
        return Map.copyOf(positions);
    }

    /** The error that stopped the reader, or null. */
    Throwable failure() {
        return failure;
    }

    /** Makes {@link #run()} return; it closes the consumer. */
    @Override
    public void close() {
        consumer.wakeup();
    }
}
