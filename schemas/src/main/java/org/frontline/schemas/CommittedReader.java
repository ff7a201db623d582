package org.frontline.schemas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer that reads whole topics, all partitions assigned to it, outside any consumer group:
 * the way the output files, the live updates and the JSON dump read Frontline's topics. It reads
 * only what the exactly-once streams application committed, and commits no offsets of its own.
 */
public final class CommittedReader {

    private CommittedReader() {
    }

    /** Consumer settings from the client properties, for a reader named {@code clientId} by default. */
    public static Map<String, Object> config(Properties clientProps, String clientId) {
        Map<String, Object> config = ClientConfig.kafkaOnly(clientProps);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** Assigns every partition of {@code topics} to the consumer and returns them. */
    public static List<TopicPartition> assignAll(Consumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        return partitions;
    }
}
