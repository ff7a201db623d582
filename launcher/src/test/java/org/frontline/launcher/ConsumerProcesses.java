package org.frontline.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.frontline.consumer.EnrichedLog;

/**
 * {@code frontline consume} as processes of their own for the restart tests: each started with its console
 * in a file of its own, and what a consumer's enriched log has checkpointed, against the topic's end.
 */
final class ConsumerProcesses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work;
    private final List<Path> consoles = new ArrayList<>();

    ConsumerProcesses(Path work) {
        this.work = work;
    }

    /** A consumer process writing to {@code out}, with the extra arguments given. */
    Process start(String bootstrap, Path out, String... extra) throws Exception {
        Path console = work.resolve("consume-" + (consoles.size() + 1) + ".txt");
        consoles.add(console);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Frontline.class.getName(), "consume", "--bootstrap-servers", bootstrap, "--out", out.toString()));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
    }

    /** Every consumer's console so far, for an assertion's description. */
    String consoles() throws Exception {
        StringBuilder text = new StringBuilder();
        for (Path console : consoles) {
            text.append("--- ").append(console.getFileName()).append('\n').append(Files.readString(console));
        }
        return text.toString();
    }

    /** The end offset of each of the topic's three partitions. */
    static Map<Integer, Long> endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
    }

    /** The next offset per partition in the enriched log's checkpoint; empty before the first. */
    static Map<Integer, Long> offsets(Path log) throws Exception {
        Path checkpoint = log.resolve(EnrichedLog.CHECKPOINT);
        Map<Integer, Long> offsets = new HashMap<>();
        if (Files.exists(checkpoint)) {
            JsonNode json = JSON.readTree(checkpoint.toFile());
            json.get("offsets").properties().forEach(e -> offsets.put(Integer.valueOf(e.getKey()),
                    e.getValue().asLong()));
        }
        return offsets;
    }

    /** How many records the enriched log's checkpoint covers, over all partitions. */
    static long checkpointed(Path log) throws Exception {
        return offsets(log).values().stream().mapToLong(Long::longValue).sum();
    }
}
