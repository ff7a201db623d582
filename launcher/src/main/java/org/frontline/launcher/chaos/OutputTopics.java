package org.frontline.launcher.chaos;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.schemas.CommittedReader;
import org.frontline.schemas.FrontlineTopics;

/**
 * What Frontline's output topics hold, read once from the beginning to the end with {@code read_committed},
 * as a subscriber sees them: the latest tally of every key, and the enriched articles.
 *
 * @param tallies         the latest record of each key of the two tally topics, less deleted tallies
 * @param enriched        the latest enriched version of each article id, less withdrawn articles
 * @param enrichedRecords how many committed records {@code articles.enriched} holds for each article id
 */
record OutputTopics(Tallies tallies, Map<String, EnrichedArticle> enriched, Map<String, Integer> enrichedRecords) {

    private static final Duration POLL = Duration.ofMillis(500);

    /** Reads the topics up to their last stable offsets at the time of the call. */
    static OutputTopics read(Properties clientProps, FrontlineTopics topics) {
        Map<String, Tallies.Casualty> casualties = new HashMap<>();
        Map<String, Tallies.Speaker> speakers = new HashMap<>();
        Map<String, EnrichedArticle> enriched = new HashMap<>();
        Map<String, Integer> records = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                CommittedReader.config(clientProps, "frontline-chaos-judge"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = CommittedReader.assignAll(consumer,
                    List.of(topics.enriched().name(), topics.casualties().name(), topics.statements().name()));
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    String topic = record.topic();
                    if (topic.equals(topics.enriched().name())) {
                        EnrichedArticle article = record.value() == null ? null
                                : topics.enriched().valueSerde().deserializer().deserialize(topic, record.value());
                        put(enriched, record.key(), article);
                        records.merge(record.key(), 1, Integer::sum);
                    } else if (topic.equals(topics.casualties().name())) {
                        CasualtyTally t = record.value() == null ? null
                                : topics.casualties().valueSerde().deserializer().deserialize(topic, record.value());
                        put(casualties, record.key(), t == null ? null : new Tallies.Casualty(t.getIncidentTotal(),
                                t.getReports(), t.getArticles(), t.getLatestCumulative()));
                    } else {
                        SpeakerTally t = record.value() == null ? null
                                : topics.statements().valueSerde().deserializer().deserialize(topic, record.value());
                        put(speakers, record.key(), t == null ? null
                                : new Tallies.Speaker(t.getStatements(), t.getArticles(), t.getFirstPublished()));
                    }
                }
            }
        }
        return new OutputTopics(new Tallies(casualties, speakers), Map.copyOf(enriched), Map.copyOf(records));
    }

    private static <V> void put(Map<String, V> map, String key, V value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
