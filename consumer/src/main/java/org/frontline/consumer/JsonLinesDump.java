package org.frontline.consumer;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.frontline.schemas.AvroJson;
import org.frontline.schemas.CommittedReader;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.Topic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Any Frontline topic as JSON Lines, for shell pipelines and non-Java tools: one object per record
 * with {@code topic}, {@code partition}, {@code offset}, {@code key} and {@code value} (the Avro
 * record as plain JSON, null for a tombstone). A record that cannot be decoded is printed with
 * {@code value} null and {@code error} saying why, never skipped. Reads committed records from the
 * beginning to the end offsets as they were at the start, or on for ever with {@code follow}.
 */
public final class JsonLinesDump {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesDump() {
    }

    /** Prints the topic named {@code name}; returns how many records it printed. */
    public static long dump(Properties clientProps, FrontlineTopics topics, String name, boolean follow,
                            PrintWriter out) {
        Deserializer<? extends IndexedRecord> values = deserializer(topics, name);
        long printed = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                CommittedReader.config(clientProps, "frontline-dump"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = CommittedReader.assignAll(consumer, List.of(name));
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (follow || partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    out.println(line(record, values));
                    printed++;
                }
                out.flush();
            }
        }
        return printed;
    }

    private static String line(ConsumerRecord<String, byte[]> record, Deserializer<? extends IndexedRecord> values) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("key", record.key());
        try {
            IndexedRecord value = values.deserialize(record.topic(), record.value());
            line.put("value", value == null ? null : AvroJson.toMap(value));
        } catch (RuntimeException e) {
            line.put("value", null);
            line.put("error", e.getMessage());
            line.put("bytes", record.value() == null ? null
                    : new String(record.value(), 0, Math.min(record.value().length, 64), StandardCharsets.ISO_8859_1));
        }
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
    }

    private static Deserializer<? extends IndexedRecord> deserializer(FrontlineTopics topics, String name) {
        for (Topic<String, ? extends IndexedRecord> topic : List.of(topics.raw(), topics.enriched(),
                topics.deadLetter(), topics.casualties(), topics.statements(), topics.rejected())) {
            if (topic.name().equals(name)) {
                return topic.valueSerde().deserializer();
            }
        }
        throw new IllegalArgumentException("not a Frontline topic: " + name + " (one of "
                + String.join(", ", topics.names().all()) + ")");
    }
}
