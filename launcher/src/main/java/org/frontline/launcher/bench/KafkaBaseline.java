package org.frontline.launcher.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.frontline.producer.ArticlePublisher;
import org.frontline.schemas.ClientConfig;
import org.frontline.schemas.CommittedReader;

/**
 * Bare Kafka, the ceiling the pipeline is compared with: the articles' serialized records sent to a scratch
 * topic with the producer settings Frontline publishes with, then read back by one consumer.
 */
final class KafkaBaseline {

    /**
     * One direction's throughput.
     *
     * @param records records moved
     * @param bytes   their keys and values, in bytes
     * @param seconds how long it took
     */
    record Throughput(long records, long bytes, double seconds) {

        double recordsPerSecond() {
            return records / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1_000_000.0;
        }
    }

    /**
     * The two measurements.
     *
     * @param produce producer throughput, from the first send until every send is acknowledged
     * @param consume consumer throughput, from the first poll until the last record is read
     */
    record Result(Throughput produce, Throughput consume) {
    }

    private KafkaBaseline() {
    }

    /** Sends {@code records} (key, value) to a new topic {@code topic}, reads them back, deletes the topic. */
    static Result measure(Properties clientProps, String topic, int partitions, List<Map.Entry<byte[], byte[]>> records)
            throws InterruptedException {
        long bytes = records.stream().mapToLong(r -> r.getKey().length + r.getValue().length).sum();
        try (Admin admin = Admin.create(ClientConfig.kafkaOnly(clientProps))) {
            // Compacted like articles.raw, so the broker does the same work per record.
            BenchException.await(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all(), "bare Kafka");
            try {
                Throughput produce = produce(clientProps, topic, records, bytes);
                Throughput consume = consume(clientProps, topic, records.size());
                return new Result(produce, consume);
            } finally {
                BenchException.await(admin.deleteTopics(List.of(topic)).all(), "bare Kafka");
            }
        }
    }

    private static Throughput produce(Properties clientProps, String topic, List<Map.Entry<byte[], byte[]>> records,
                                      long bytes) {
        Map<String, Object> config = ArticlePublisher.producerConfig(clientProps);
        config.put("client.id", "frontline-bench-produce");
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            // The first send waits for metadata; Frontline's publisher pays that once too, before its first article.
            producer.partitionsFor(topic);
            long began = System.nanoTime();
            for (Map.Entry<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()), (metadata, error) -> {
                    if (error != null) {
                        failed.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - began) / 1e9;
            if (failed.get() != null) {
                throw new BenchException("bare Kafka: a send failed: " + failed.get().getMessage(), failed.get());
            }
            return new Throughput(records.size(), bytes, seconds);
        }
    }

    private static Throughput consume(Properties clientProps, String topic, int expected) {
        Map<String, Object> config = CommittedReader.config(clientProps, "frontline-bench-consume");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = CommittedReader.assignAll(consumer, List.of(topic));
            consumer.seekToBeginning(partitions);
            long read = 0;
            long readBytes = 0;
            long began = System.nanoTime();
            long deadline = began + TimeUnit.MINUTES.toNanos(5);
            while (read < expected) {
                if (System.nanoTime() > deadline) {
                    throw new BenchException("bare Kafka: read " + read + " of " + expected + " records in 5 min");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    readBytes += record.key().length + record.value().length;
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            return new Throughput(read, readBytes, seconds);
        }
    }
}
