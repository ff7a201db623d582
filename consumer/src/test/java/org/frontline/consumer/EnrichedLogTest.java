package org.frontline.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.frontline.schemas.testing.TestArticles.enriched;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EnrichedLogTest {

    private static final String TOPIC = "articles.enriched";
    private static final String ID = "topic-id-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void readAllGivesTheLatestLineOfEachArticleLessTheWithdrawnOnes() {
        try (EnrichedLog log = EnrichedLog.open(dir, TOPIC, ID, EnrichedLog.DEFAULT_MAX_FILE_BYTES)) {
            log.append(enriched("a1", "first version"));
            log.append(enriched("a2", "withdrawn later"));
            log.append(enriched("a1", "corrected version"));
            log.withdraw("a2");
            log.checkpoint(Map.of(0, 4L));
        }

        assertThat(lines(dir)).extracting(EnrichedLogTest::describe)
                .containsExactly("a1: first version", "a2: withdrawn later", "a1: corrected version", "withdrawn a2");
        assertThat(EnrichedLog.readAll(dir)).containsOnlyKeys("a1");
        assertThat(EnrichedLog.readAll(dir).get("a1").get("article").get("body").asText())
                .isEqualTo("corrected version");
    }

    @Test
    void eachLineIsTheEnrichedArticleAsPlainJson() throws Exception {
        try (EnrichedLog log = EnrichedLog.open(dir, TOPIC, ID, EnrichedLog.DEFAULT_MAX_FILE_BYTES)) {
            log.append(enriched("a1", "Two civilians were killed."));
            log.withdraw("a\"2");
            log.checkpoint(Map.of(0, 2L));
        }

        assertThat(Files.readAllLines(dir.resolve("enriched-000000.jsonl"))).containsExactly(
                "{\"article\":{\"id\":\"a1\",\"source\":\"test\",\"url\":null,\"title\":null,"
                        + "\"body\":\"Two civilians were killed.\",\"published\":null,"
                        + "\"ingested_at\":\"2024-03-01T12:00:00Z\"},\"language\":\"en\",\"casualties\":[],"
                        + "\"statements\":[],\"people\":[],\"organisations\":[],\"places\":[],"
                        + "\"enriched_at\":\"2024-03-01T12:00:00Z\"}",
                "{\"withdrawn\":\"a\\\"2\"}");
    }

    @Test
    void theCheckpointHoldsTheNextOffsetPerPartitionAndTheActiveFileWithItsLength() throws Exception {
        try (EnrichedLog log = EnrichedLog.open(dir, TOPIC, ID, EnrichedLog.DEFAULT_MAX_FILE_BYTES)) {
            log.append(enriched("a1", "text"));
            log.checkpoint(Map.of(0, 7L, 2, 1L));
        }

        JsonNode checkpoint = JSON.readTree(dir.resolve(EnrichedLog.CHECKPOINT).toFile());
        assertThat(checkpoint.get("topic").asText()).isEqualTo(TOPIC);
        assertThat(checkpoint.get("offsets").get("0").asLong()).isEqualTo(7);
        assertThat(checkpoint.get("offsets").get("2").asLong()).isEqualTo(1);
        assertThat(checkpoint.get("file").asText()).isEqualTo("enriched-000000.jsonl");
        assertThat(checkpoint.get("length").asLong()).isEqualTo(Files.size(dir.resolve("enriched-000000.jsonl")));
        try (EnrichedLog reopened = EnrichedLog.open(dir, TOPIC, ID, EnrichedLog.DEFAULT_MAX_FILE_BYTES)) {
            assertThat(reopened.offsets()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 7L, 2, 1L));
        }
    }

    @Test
    void whatACrashLeftAfterTheLastCheckpointIsDroppedOnOpening() throws Exception {
        // Small files, so the log rolls over while the consumer goes on appending.
        long maxBytes = 600;
        try (EnrichedLog log = EnrichedLog.open(dir, TOPIC, ID, maxBytes)) {
            log.append(enriched("a1", "checkpointed"));
            log.append(enriched("a2", "checkpointed"));
            log.checkpoint(Map.of(0, 2L));
            // Appended, and rolled over (which puts them on disk), but the consumer dies before its checkpoint.
            for (int i = 3; i <= 8; i++) {
                log.append(enriched("a" + i, "not checkpointed"));
            }
        }
        Path checkpointed = dir.resolve("enriched-000000.jsonl");
        Files.writeString(checkpointed, "{\"article\":{\"id\":\"half a li", StandardOpenOption.APPEND);
        Files.writeString(dir.resolve(".checkpoint.json123.tmp"), "{\"version\": 1, \"to");
        assertThat(logFiles(dir)).hasSizeGreaterThan(1);
        long checkpointedLength = JSON.readTree(dir.resolve(EnrichedLog.CHECKPOINT).toFile()).get("length").asLong();
        assertThat(Files.size(checkpointed)).isGreaterThan(checkpointedLength);
        assertThat(EnrichedLog.readAll(dir)).as("readers see only checkpointed lines").containsOnlyKeys("a1", "a2");

        try (EnrichedLog log = EnrichedLog.open(dir, TOPIC, ID, maxBytes)) {
            assertThat(log.offsets()).containsExactlyEntriesOf(Map.of(0, 2L));
            assertThat(log.activeFile()).isEqualTo(checkpointed);
            assertThat(logFiles(dir)).containsExactly("enriched-000000.jsonl");
            assertThat(dir.resolve(".checkpoint.json123.tmp")).doesNotExist();
            assertThat(Files.size(checkpointed)).isEqualTo(checkpointedLength);
            // The restarted consumer reads from offset 2 again.
            log.append(enriched("a3", "read again"));
            log.checkpoint(Map.of(0, 3L));
        }

        assertThat(lines(dir)).extracting(EnrichedLogTest::describe)
                .containsExactly("a1: checkpointed", "a2: checkpointed", "a3: read again");
    }

    @Test
    void rollsOverToANewFileBeforeALineWouldTakeAFilePastItsLimit() throws Exception {
        long maxBytes = 1000;
        try (EnrichedLog log = EnrichedLog.open(dir, TOPIC, ID, maxBytes)) {
            for (int i = 0; i < 20; i++) {
                log.append(enriched(String.format("a%02d", i), "x".repeat(i * 20)));
            }
            log.checkpoint(Map.of(0, 20L));
        }

        List<String> files = logFiles(dir);
        assertThat(files).hasSizeGreaterThan(3).startsWith("enriched-000000.jsonl", "enriched-000001.jsonl");
        for (String file : files) {
            List<String> fileLines = Files.readAllLines(dir.resolve(file));
            assertThat(fileLines).isNotEmpty();
            if (fileLines.size() > 1) {
                assertThat(Files.size(dir.resolve(file))).as(file).isLessThanOrEqualTo(maxBytes);
            }
        }
        assertThat(lines(dir)).extracting(line -> line.get("article").get("id").asText())
                .containsExactlyElementsOf(Stream.iterate(0, i -> i + 1).limit(20)
                        .map(i -> String.format("a%02d", i)).toList());
    }

    @Test
    void refusesLogFilesWithoutACheckpointAndAnotherTopicsLog() throws Exception {
        try (EnrichedLog log = EnrichedLog.open(dir, TOPIC, ID, EnrichedLog.DEFAULT_MAX_FILE_BYTES)) {
            log.append(enriched("a1", "text"));
            log.checkpoint(Map.of(0, 1L));
        }

        assertThatThrownBy(() -> EnrichedLog.open(dir, "other.enriched", ID, EnrichedLog.DEFAULT_MAX_FILE_BYTES))
                .hasMessageContaining("holds the log of articles.enriched, not of other.enriched");
        Files.delete(dir.resolve(EnrichedLog.CHECKPOINT));
        assertThatThrownBy(() -> EnrichedLog.open(dir, TOPIC, ID, EnrichedLog.DEFAULT_MAX_FILE_BYTES))
                .hasMessageContaining("but no checkpoint.json");
    }

    @Test
    void aLogReadFromAnotherTopicOfTheSameNameIsMovedAsideAndANewOneBegun() throws Exception {
        Path logDir = dir.resolve("enriched");
        try (EnrichedLog log = EnrichedLog.open(logDir, TOPIC, ID, EnrichedLog.DEFAULT_MAX_FILE_BYTES)) {
            log.append(enriched("a1", "from the old cluster"));
            log.checkpoint(Map.of(0, 1L));
        }

        try (EnrichedLog log = EnrichedLog.open(logDir, TOPIC, "topic-id-2", 1 << 20)) {
            assertThat(log.offsets()).isEmpty();
            log.append(enriched("b1", "from the new cluster"));
            log.checkpoint(Map.of(0, 1L));
        }

        assertThat(EnrichedLog.readAll(logDir)).containsOnlyKeys("b1");
        assertThat(EnrichedLog.readAll(dir.resolve("enriched-" + ID))).containsOnlyKeys("a1");
    }

    @Test
    void createsItsDirectoriesAndFilesReadableByOtherUsers() throws Exception {
        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path logDir = dir.resolve("out").resolve("enriched");
        try (EnrichedLog log = EnrichedLog.open(logDir, TOPIC, ID, 500)) {
            log.append(enriched("a1", "x".repeat(400)));
            log.append(enriched("a2", "x".repeat(400)));
            log.checkpoint(Map.of(0, 2L));
        }

        assertThat(permissions(dir.resolve("out"))).isEqualTo("rwxr-xr-x");
        assertThat(permissions(logDir)).isEqualTo("rwxr-xr-x");
        assertThat(permissions(logDir.resolve(EnrichedLog.CHECKPOINT))).isEqualTo("rw-r--r--");
        assertThat(logFiles(logDir)).hasSize(2).allSatisfy(file ->
                assertThat(permissions(logDir.resolve(file))).isEqualTo("rw-r--r--"));
    }

    static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<JsonNode> lines(Path dir) {
        List<JsonNode> lines = new ArrayList<>();
        EnrichedLog.forEachLine(dir, lines::add);
        return lines;
    }

    private static String describe(JsonNode line) {
        return line.has("withdrawn") ? "withdrawn " + line.get("withdrawn").asText()
                : line.get("article").get("id").asText() + ": " + line.get("article").get("body").asText();
    }

    static List<String> logFiles(Path dir) throws Exception {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).sorted().toList();
        }
    }
}
