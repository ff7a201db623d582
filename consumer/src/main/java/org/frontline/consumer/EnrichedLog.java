package org.frontline.consumer;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.frontline.avro.EnrichedArticle;
import org.frontline.schemas.AvroJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The enriched articles as an append-only log: JSON Lines files in one directory, rolled by size,
 * {@code enriched-000000.jsonl}, {@code enriched-000001.jsonl}, ... Each line is one record of
 * {@code articles.enriched} in the order the consumer read it: an enriched article as plain JSON
 * ({@link AvroJson} of {@link EnrichedArticle}), or {@code {"withdrawn":"<article id>"}} for a
 * tombstone. A later line about the same article supersedes the earlier ones.
 *
 * <p>{@code checkpoint.json} beside the files says how much of the log is complete: the topic and its
 * id, for each partition the next offset to read, and the active file's name and length in bytes.
 * It is replaced atomically, and only after the lines before it are forced to disk. Opening the log
 * drops whatever was appended after the last checkpoint (the tail of the active file, any later
 * file), so a consumer that resumes from the checkpointed offsets neither loses nor repeats a line,
 * however it stopped. A reader that must never see a line twice reads the active file only up to the
 * checkpointed length, as {@link #forEachLine} does. A log read from another topic of the same name (a
 * new cluster, a recreated topic: another topic id) is moved aside whole, to {@code enriched-<old id>},
 * and a new one begun, since its offsets mean nothing in the new topic.
 *
 * <p>The log keeps no article in memory: only the open file and the last checkpoint.
 */
public final class EnrichedLog implements Closeable {

    /** Where a file is rolled unless configured otherwise: 64 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;
    /** The checkpoint's file name, in the log's directory. */
    public static final String CHECKPOINT = "checkpoint.json";

    private static final Logger LOG = LoggerFactory.getLogger(EnrichedLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FILE_NAME = Pattern.compile("enriched-(\\d{6,})\\.jsonl");
    private static final int CHECKPOINT_VERSION = 1;

    private final Path dir;
    private final String topic;
    private final String topicId;
    private final long maxFileBytes;
    private Checkpoint checkpoint;
    private int index;
    private FileChannel channel;
    private OutputStream out;
    private long length;

    /**
     * How far the log is complete.
     *
     * @param topic   the topic the log copies
     * @param topicId the topic's id in its cluster, which a topic recreated under the same name does not keep
     * @param offsets the next offset to read, per partition of the topic
     * @param file    the active file's name
     * @param length  the active file's length in bytes up to its last complete line
     */
    record Checkpoint(String topic, String topicId, SortedMap<Integer, Long> offsets, String file, long length) {

        String toJson() {
            ObjectNode json = JSON.createObjectNode();
            json.put("version", CHECKPOINT_VERSION);
            json.put("topic", topic);
            json.put("topic_id", topicId);
            ObjectNode next = json.putObject("offsets");
            offsets.forEach((partition, offset) -> next.put(partition.toString(), offset));
            json.put("file", file);
            json.put("length", length);
            return json.toPrettyString() + "\n";
        }

        static Checkpoint read(Path file) {
            JsonNode json;
            try {
                json = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
            }
            if (json.path("version").asInt() != CHECKPOINT_VERSION) {
                throw new IllegalStateException(file + " is a checkpoint of version " + json.path("version")
                        + "; this consumer reads version " + CHECKPOINT_VERSION);
            }
            SortedMap<Integer, Long> offsets = new TreeMap<>();
            required(file, json, "offsets").properties().forEach(e ->
                    offsets.put(Integer.valueOf(e.getKey()), e.getValue().asLong()));
            return new Checkpoint(required(file, json, "topic").asText(), required(file, json, "topic_id").asText(),
                    offsets, required(file, json, "file").asText(), required(file, json, "length").asLong());
        }

        private static JsonNode required(Path file, JsonNode json, String field) {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                throw new IllegalStateException("the checkpoint " + file + " has no " + field);
            }
            return value;
        }
    }

    private EnrichedLog(Path dir, String topic, String topicId, long maxFileBytes, Checkpoint checkpoint) {
        this.dir = dir;
        this.topic = topic;
        this.topicId = topicId;
        this.maxFileBytes = maxFileBytes;
        this.checkpoint = checkpoint;
    }

    /**
     * Opens the log of {@code topic} in {@code dir}, creating it when there is none, and drops
     * whatever was appended after its last checkpoint. A log of another topic with the same name
     * (another {@code topicId}) is moved aside to {@code <dir>-<its topic id>} first.
     *
     * @throws IllegalStateException when the directory holds the log of a topic of another name, log
     *                               files without a checkpoint, or a file shorter than its checkpoint says
     */
    public static EnrichedLog open(Path dir, String topic, String topicId, long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("the largest file size must be positive: " + maxFileBytes);
        }
        try {
            ReadableFiles.createDirectories(dir);
            ReadableFiles.removeTemporaryFiles(dir, CHECKPOINT);
            Path checkpointFile = dir.resolve(CHECKPOINT);
            List<Path> files = logFiles(dir);
            Checkpoint checkpoint;
            if (Files.exists(checkpointFile)) {
                checkpoint = Checkpoint.read(checkpointFile);
                if (!checkpoint.topic().equals(topic)) {
                    throw new IllegalStateException(dir + " holds the log of " + checkpoint.topic() + ", not of "
                            + topic + "; give another output directory");
                }
                if (!checkpoint.topicId().equals(topicId)) {
                    moveAside(dir, checkpoint, topicId);
                    return open(dir, topic, topicId, maxFileBytes);
                }
            } else if (files.isEmpty()) {
                checkpoint = new Checkpoint(topic, topicId, new TreeMap<>(), fileName(0), 0);
                ReadableFiles.replace(checkpointFile, checkpoint.toJson(), true);
            } else {
                throw new IllegalStateException(dir + " holds " + files.get(0).getFileName() + " but no " + CHECKPOINT
                        + ", so which of its lines are complete cannot be told; move the files away to start a new "
                        + "log");
            }
            EnrichedLog log = new EnrichedLog(dir, topic, topicId, maxFileBytes, checkpoint);
            log.recover(files);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the log in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void moveAside(Path dir, Checkpoint checkpoint, String topicId) throws IOException {
        Path aside = dir.resolveSibling(dir.getFileName() + "-" + checkpoint.topicId());
        if (Files.exists(aside)) {
            throw new IllegalStateException(dir + " was read from another " + checkpoint.topic() + " (topic id "
                    + checkpoint.topicId() + ", now " + topicId + ") and " + aside + " is taken; move one away");
        }
        Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
        LOG.warn("{} was read from another {} (topic id {}, now {}): the cluster was replaced or the topic recreated, "
                + "so its offsets mean nothing now. Moved it to {}; a new log begins", dir, checkpoint.topic(),
                checkpoint.topicId(), topicId, aside);
    }

    private void recover(List<Path> files) throws IOException {
        index = index(Path.of(checkpoint.file()));
        for (Path later : files) {
            if (index(later) > index) {
                LOG.info("Removing {}: it was begun after the last checkpoint, its lines will be read again", later);
                Files.delete(later);
            }
        }
        Path active = dir.resolve(checkpoint.file());
        boolean exists = Files.exists(active);
        channel = FileChannel.open(active, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (!exists) {
                ReadableFiles.makeReadable(active);
            }
            long size = channel.size();
            if (size < checkpoint.length()) {
                throw new IllegalStateException(active + " holds " + size + " bytes but its checkpoint says "
                        + checkpoint.length() + ": lines were removed outside the consumer");
            }
            if (size > checkpoint.length()) {
                LOG.info("Dropping the last {} bytes of {}: appended after the last checkpoint, they will be read "
                        + "again", size - checkpoint.length(), active);
                channel.truncate(checkpoint.length());
                channel.force(true);
            }
            channel.position(checkpoint.length());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        length = checkpoint.length();
        out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /** The directory the log is in. */
    public Path dir() {
        return dir;
    }

    /** The file lines are appended to now. */
    public Path activeFile() {
        return dir.resolve(fileName(index));
    }

    /** The next offset to read per partition, as of the last checkpoint; empty for a new log. */
    public Map<Integer, Long> offsets() {
        return checkpoint.offsets();
    }

    /** Appends an article's line. */
    public void append(EnrichedArticle article) {
        appendLine(AvroJson.toJson(article));
    }

    /** Appends the line that says an article was withdrawn (a tombstone on the topic). */
    public void withdraw(String articleId) {
        ObjectNode line = JSON.createObjectNode().put("withdrawn", articleId);
        appendLine(line.toString());
    }

    private void appendLine(String json) {
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (length > 0 && length + bytes.length > maxFileBytes) {
                roll();
            }
            out.write(bytes);
            length += bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + activeFile() + ": " + e.getMessage(), e);
        }
    }

    private void roll() throws IOException {
        out.flush();
        channel.force(false);
        channel.close();
        index++;
        Path next = activeFile();
        channel = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ReadableFiles.makeReadable(next);
        out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        length = 0;
        LOG.info("Rolled the enriched log over to {}", next);
    }

    /**
     * Forces every line appended so far to disk, then records that the log is complete up to here
     * and that reading goes on from {@code nextOffsets} (partition to offset).
     */
    public void checkpoint(Map<Integer, Long> nextOffsets) {
        try {
            out.flush();
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + activeFile() + ": " + e.getMessage(), e);
        }
        Checkpoint next = new Checkpoint(topic, topicId, new TreeMap<>(nextOffsets), fileName(index), length);
        ReadableFiles.replace(dir.resolve(CHECKPOINT), next.toJson(), true);
        checkpoint = next;
    }

    /** Closes the active file; lines appended since the last checkpoint will be dropped on the next open. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + activeFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Calls {@code action} with every complete line of the log in {@code dir}, oldest first: the
     * files in order, the active one up to its checkpointed length.
     */
    public static void forEachLine(Path dir, Consumer<JsonNode> action) {
        Path checkpointFile = dir.resolve(CHECKPOINT);
        Checkpoint checkpoint = Files.exists(checkpointFile) ? Checkpoint.read(checkpointFile) : null;
        int active = checkpoint == null ? Integer.MAX_VALUE : index(Path.of(checkpoint.file()));
        try {
            for (Path file : logFiles(dir)) {
                int i = index(file);
                if (i > active) {
                    break;
                }
                long limit = i == active ? checkpoint.length() : Long.MAX_VALUE;
                readLines(file, limit, action);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The articles the log in {@code dir} holds now: the latest line of each article id, less the
     * withdrawn ones, by id.
     */
    public static SortedMap<String, JsonNode> readAll(Path dir) {
        SortedMap<String, JsonNode> articles = new TreeMap<>();
        forEachLine(dir, line -> {
            if (line.has("withdrawn")) {
                articles.remove(line.get("withdrawn").asText());
            } else {
                articles.put(line.get("article").get("id").asText(), line);
            }
        });
        return articles;
    }

    private static void readLines(Path file, long limit, Consumer<JsonNode> action) throws IOException {
        long read = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null && read < limit; line = lines.readLine()) {
                read += line.getBytes(StandardCharsets.UTF_8).length + 1;
                action.accept(parse(file, line));
            }
        }
    }

    private static JsonNode parse(Path file, String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON line in " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    private static List<Path> logFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(EnrichedLog::index)).toList();
        }
    }

    private static int index(Path file) {
        Matcher m = FILE_NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("not a log file name: " + file.getFileName());
        }
        return Integer.parseInt(m.group(1));
    }

    static String fileName(int index) {
        return String.format("enriched-%06d.jsonl", index);
    }
}
