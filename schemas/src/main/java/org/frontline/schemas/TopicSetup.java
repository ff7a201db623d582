package org.frontline.schemas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates Frontline's topics when they are missing, with their documented partitions and cleanup
 * policies. Existing topics are left as they are.
 *
 * <ul>
 *   <li>{@code articles.raw}, {@code articles.enriched}: compacted, the latest version of each article
 *       is kept for ever, so a reset rebuilds every tally from them;</li>
 *   <li>{@code tallies.casualties}, {@code tallies.statements}: compacted, the current tally per key;</li>
 *   <li>{@code articles.dlq}, {@code articles.rejected}: deleted after 30 days.</li>
 * </ul>
 */
public final class TopicSetup {

    /** Partitions of every topic unless configured otherwise. */
    public static final int DEFAULT_PARTITIONS = 3;
    private static final long DLQ_RETENTION_MS = TimeUnit.DAYS.toMillis(30);
    private static final long SERVED_RETRY_MS = 50;

    private TopicSetup() {
    }

    /** The topics as Frontline creates them; a replication factor of -1 takes the broker's default. */
    public static List<NewTopic> newTopics(TopicNames names, int partitions, short replicationFactor) {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        Map<String, String> expiring = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(DLQ_RETENTION_MS));
        return List.of(
                new NewTopic(names.raw(), partitions, replicationFactor).configs(compacted),
                new NewTopic(names.enriched(), partitions, replicationFactor).configs(compacted),
                new NewTopic(names.deadLetter(), partitions, replicationFactor).configs(expiring),
                new NewTopic(names.rejected(), partitions, replicationFactor).configs(expiring),
                new NewTopic(names.casualties(), partitions, replicationFactor).configs(compacted),
                new NewTopic(names.statements(), partitions, replicationFactor).configs(compacted));
    }

    /**
     * Creates whichever of {@code topics} do not exist yet and returns the names it created, once the leader of
     * every partition of those serves it.
     *
     * <p>Clients learn a new partition's leader before the leader has created the partition's log. An idempotent
     * producer's first request in that moment is retried, its next one can be written first, and the retried one
     * is then refused as out of sequence until it expires (KAFKA-15591). A leader answers ListOffsets for a
     * partition only once it serves it.
     *
     * @throws KafkaException when the cluster cannot be reached or refuses to create a topic
     */
    public static List<String> ensure(Admin admin, List<NewTopic> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            CreateTopicsResult creation = admin.createTopics(missing);
            List<String> created = new ArrayList<>();
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            for (var entry : creation.values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    created.add(entry.getKey());
                    int count = creation.numPartitions(entry.getKey()).get(30, TimeUnit.SECONDS);
                    for (int partition = 0; partition < count; partition++) {
                        partitions.put(new TopicPartition(entry.getKey(), partition), OffsetSpec.latest());
                    }
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitServed(admin, partitions);
            return created;
        } catch (ExecutionException e) {
            throw new KafkaException("cannot create Frontline topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("cannot create Frontline topics: the cluster did not answer in 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while creating Frontline topics", e);
        }
    }

    /** Returns once each partition's leader serves it; a topic just created can be unknown to a broker at first. */
    private static void awaitServed(Admin admin, Map<TopicPartition, OffsetSpec> partitions)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (partitions.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(SERVED_RETRY_MS);
            }
        }
    }
}
