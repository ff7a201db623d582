package org.frontline.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.schemas.CommittedReader;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the output directory in step with {@code articles.enriched} and the two tally topics.
 *
 * <p>It reads with {@code isolation.level=read_committed}, so it sees only what the exactly-once
 * streams application committed. It keeps the current state of each topic in memory and rewrites
 * the files after every batch that changed something. Because each file is a whole picture, it reads
 * every partition from the beginning at start-up (the topics are compacted) instead of resuming from
 * committed offsets, and commits none: two consumers each write a complete copy.
 */
public final class TallyConsumer implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TallyConsumer.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final FrontlineTopics topics;
    private final OutputFiles files;
    private final Map<String, EnrichedArticle> articles = new TreeMap<>();
    private final Map<String, CasualtyTally> casualties = new TreeMap<>();
    private final Map<String, SpeakerTally> speakers = new TreeMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private int undecodable;

    public TallyConsumer(Properties clientProps, FrontlineTopics topics, OutputFiles files) {
        this.consumer = new KafkaConsumer<>(CommittedReader.config(clientProps, "frontline-consume"),
                topics.enriched().keySerde().deserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.files = files;
    }

    /** Assigns every partition of the three topics and seeks to their beginning. */
    public void assignAll() {
        consumer.seekToBeginning(CommittedReader.assignAll(consumer,
                List.of(topics.enriched().name(), topics.casualties().name(), topics.statements().name())));
    }

    /** Polls once and rewrites the files that changed; returns how many records it read. */
    public int pollOnce(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        boolean articlesChanged = false;
        boolean casualtiesChanged = false;
        boolean speakersChanged = false;
        for (ConsumerRecord<String, byte[]> record : records) {
            String topic = record.topic();
            if (topic.equals(topics.enriched().name())) {
                articlesChanged |= apply(articles, record, topics.enriched());
            } else if (topic.equals(topics.casualties().name())) {
                casualtiesChanged |= apply(casualties, record, topics.casualties());
            } else {
                speakersChanged |= apply(speakers, record, topics.statements());
            }
        }
        if (articlesChanged) {
            files.writeArticles(articles.values());
        }
        if (casualtiesChanged) {
            files.writeCasualties(casualties.values());
        }
        if (speakersChanged) {
            files.writeSpeakers(speakers.values());
        }
        consumer.assignment().forEach(p -> positions.put(p, consumer.position(p)));
        return records.count();
    }

    private <V> boolean apply(Map<String, V> state, ConsumerRecord<String, byte[]> record, Topic<String, V> topic) {
        if (record.value() == null) {
            return state.remove(record.key()) != null;
        }
        try {
            state.put(record.key(), topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
            return true;
        } catch (RuntimeException e) {
            undecodable++;
            LOG.error("skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return false;
        }
    }

    /** Writes every file once, even the empty ones, so the directory is complete from the start. */
    public void writeAll() {
        files.writeArticles(articles.values());
        files.writeCasualties(casualties.values());
        files.writeSpeakers(speakers.values());
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

    /** Assigns, writes the empty files, then polls until {@link #stop()}. */
    @Override
    public void run() {
        try {
            assignAll();
            writeAll();
            while (running) {
                pollOnce(Duration.ofMillis(200));
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        }
    }

    /** Asks {@link #run()} to return; safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
