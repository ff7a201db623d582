package org.frontline.launcher;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when the pipeline has caught up with everything published: the streams application has
 * committed every record of its input topics (the raw articles, the enriched table and its own
 * repartition topics), and then the consumer has read everything committed on its topics.
 */
public final class CatchUp {

    private final Admin admin;

    public CatchUp(Admin admin) {
        this.admin = admin;
    }

    /** True when the group has committed offsets at the end of every partition of {@code topics}. */
    public boolean groupCaughtUp(String groupId, Set<String> topics) {
        Map<TopicPartition, Long> ends = endOffsets(topics, IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, OffsetAndMetadata> committed = get(() ->
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        return ends.entrySet().stream().allMatch(end -> {
            OffsetAndMetadata c = committed.get(end.getKey());
            return end.getValue() == 0 || c != null && c.offset() >= end.getValue();
        });
    }

    /** The input topics of a streams application: the given ones and its repartition topics. */
    public Set<String> streamsInputs(String applicationId, Set<String> sourceTopics) {
        Set<String> all = get(() -> admin.listTopics().names());
        Set<String> inputs = all.stream()
                .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition"))
                .collect(Collectors.toSet());
        inputs.addAll(sourceTopics);
        return inputs;
    }

    /** The offsets a read_committed reader reaches at the end of each partition of {@code topics}. */
    public Map<TopicPartition, Long> committedEnds(Set<String> topics) {
        return endOffsets(topics, IsolationLevel.READ_COMMITTED);
    }

    /** True when every position is at or past its end. */
    public static boolean reached(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream()
                .allMatch(e -> e.getValue() == 0 || positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private Map<TopicPartition, Long> endOffsets(Set<String> topics, IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        get(() -> admin.describeTopics(topics).allTopicNames()).forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()),
                        OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(() -> admin.listOffsets(request, new ListOffsetsOptions(isolation)).all())
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static <T> T get(Supplier<org.apache.kafka.common.KafkaFuture<T>> call) {
        try {
            return call.get().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("cannot read offsets: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("cannot read offsets: the cluster did not answer in 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while reading offsets", e);
        }
    }

    /** Waits, polling {@code condition}, until it holds or {@code timeout} passes; returns whether it held. */
    public static boolean await(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return condition.get();
    }
}
