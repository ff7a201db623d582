package org.frontline.launcher.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * When a streams application has nothing left to do: its consumer group has committed, on every partition of
 * its input and repartition topics, the end of the partition (lag 0), and no transaction on the cluster is
 * open or being completed, so every record written is either committed or aborted for good.
 */
final class Quiescence {

    private static final Set<TransactionState> OPEN = EnumSet.of(TransactionState.ONGOING,
            TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);
    /** Consecutive quiet checks, a second apart, before the application counts as quiescent. */
    private static final int QUIET_CHECKS = 3;

    private Quiescence() {
    }

    /**
     * Waits until the application with {@code applicationId} has consumed everything on {@code inputTopic}
     * and its repartition topics and no transaction is open, three checks in a row.
     *
     * @return what was still outstanding at the last check that was not quiet, for the report
     * @throws IllegalStateException when the application is not quiescent within {@code timeout}
     */
    static String await(Admin admin, String applicationId, String inputTopic, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quiet = 0;
        String last = "";
        while (quiet < QUIET_CHECKS) {
            String outstanding;
            try {
                outstanding = outstanding(admin, applicationId, inputTopic);
            } catch (ExecutionException | TimeoutException e) {
                outstanding = "cannot ask the cluster: " + e.getMessage();
            }
            if (outstanding.isEmpty()) {
                quiet++;
            } else {
                quiet = 0;
                last = outstanding;
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not quiescent after " + timeout + ": " + outstanding);
                }
            }
            TimeUnit.SECONDS.sleep(1);
        }
        return last;
    }

    /** What keeps the application from being quiescent, or an empty string. */
    static String outstanding(Admin admin, String applicationId, String inputTopic)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<String> topics = new ArrayList<>(List.of(inputTopic));
        admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition")).forEach(topics::add);
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(
                p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        List<String> behind = new ArrayList<>();
        ends.forEach((partition, end) -> {
            OffsetAndMetadata at = committed.get(partition);
            long position = at == null ? 0 : at.offset();
            if (position < end.offset()) {
                behind.add(partition + " lag " + (end.offset() - position));
            }
        });
        List<String> open = admin.listTransactions(new ListTransactionsOptions().filterStates(OPEN)).all()
                .get(30, TimeUnit.SECONDS).stream().map(TransactionListing::transactionalId).toList();
        StringBuilder outstanding = new StringBuilder();
        if (!behind.isEmpty()) {
            outstanding.append("consumer group ").append(applicationId).append(" behind on ").append(behind);
        }
        if (!open.isEmpty()) {
            outstanding.append(outstanding.isEmpty() ? "" : "; ").append("open transactions ").append(open);
        }
        return outstanding.toString();
    }
}
