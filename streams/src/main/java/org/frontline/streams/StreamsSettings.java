package org.frontline.streams;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.frontline.schemas.ClientConfig;
import org.frontline.schemas.TopicNames;

/**
 * The streams application's configuration: its defaults in code, under whatever the layered client
 * properties (file, environment, flags) set.
 *
 * @param streams    the Kafka Streams properties
 * @param topics     the topic names
 * @param partitions partitions of topics the application creates
 */
public record StreamsSettings(Properties streams, TopicNames topics, int partitions) {

    /** The default application id; it names the consumer group and the internal topics. */
    public static final String DEFAULT_APPLICATION_ID = "frontline";
    /**
     * How long a transaction may stay open. Longer than the slowest article takes to enrich (a 1 MB article of
     * any shape about a second here: LargeArticleBenchmark), with room for a busy machine; short, because the
     * offsets a killed instance's open transaction holds block every reader of them (a rebalance's committed
     * offsets, a task's start) until it is fenced or times out, and fencing needs an assignment.
     */
    static final int TRANSACTION_TIMEOUT_MS = 30_000;
    /** Kafka's default {@code max.request.size}. */
    static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    /** Settings from client properties, with Frontline's defaults under them. */
    public static StreamsSettings from(Properties client, Path stateDir, int partitions) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
        defaults.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        defaults.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        defaults.put("processing.exception.handler.global.enabled", true);
        // A name Kafka Streams would generate changes when an operator is added upstream, renaming changelogs.
        defaults.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        defaults.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Kafka Streams' 10 s leaves a busy machine little room around a 1 MB article; 120 s, as before, let a
        // killed instance's transaction hold its offsets for two minutes (a rebalance waited for them, ChaosIT).
        defaults.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        // Article text compresses to half: lz4 halves what the enriched topic, the changelogs and the repartition
        // topics cost the brokers, for no measurable CPU (docs/performance.md, session 10), as the publisher does.
        defaults.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Properties props = new Properties();
        props.putAll(defaults);
        props.putAll(ClientConfig.kafkaOnly(client));
        // Exactly once is what the tallies' correctness rests on; it is not a setting to lose by accident.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return new StreamsSettings(props, TopicNames.from(client), partitions);
    }

    /**
     * The largest record the application's producer sends: {@code max.request.size}, as Kafka Streams
     * resolves it ({@code producer.}-prefixed first), else Kafka's default.
     */
    public static int maxRecordBytes(Properties config) {
        Object value = config.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (value == null) {
            value = config.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        return value == null ? DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(value.toString().strip());
    }

    public String applicationId() {
        return streams.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    }
}
