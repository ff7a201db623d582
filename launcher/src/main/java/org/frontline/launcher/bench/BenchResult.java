package org.frontline.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Everything one benchmark run measured, as written to its JSON file (field names in snake case).
 *
 * @param startedAt when the run began (ISO-8601, UTC)
 * @param cluster   {@code embedded} or the bootstrap servers
 * @param settings  what was asked for
 * @param corpus    the articles generated
 * @param kafka     (a) bare Kafka
 * @param endToEnd  (b) the pipeline at full speed
 * @param latency   (c) latency at a fixed rate
 * @param resources (d) heap, changelogs, outputs and state on disk
 */
public record BenchResult(String startedAt, String cluster, Settings settings, Corpus corpus, Kafka kafka,
                          EndToEnd endToEnd, Latency latency, Resources resources) {

    /**
     * The run's settings.
     *
     * @param articles         articles of the full-speed phase
     * @param seed             the corpus seed
     * @param hotSpeaker       every article quotes one speaker
     * @param hotCasualty      every article reports one casualty key
     * @param rate             articles per second of the latency phase
     * @param latencySeconds   length of the latency phase
     * @param partitions       partitions of every topic
     * @param streamsHeap      the streams JVM's {@code -Xmx}
     * @param streamsThreads   {@code num.stream.threads}
     * @param commitIntervalMs {@code commit.interval.ms}
     * @param cacheBytes       {@code statestore.cache.max.bytes}
     */
    public record Settings(int articles, long seed, boolean hotSpeaker, boolean hotCasualty, int rate,
                           int latencySeconds, int partitions, String streamsHeap, int streamsThreads,
                           long commitIntervalMs, long cacheBytes) {
    }

    /**
     * The generated articles.
     *
     * @param articles          how many, both phases together
     * @param meanArticleBytes  mean title and body size, UTF-8
     * @param meanRecordBytes   mean serialized record (key and Avro value)
     * @param generationSeconds how long generating and serializing took
     */
    public record Corpus(int articles, double meanArticleBytes, double meanRecordBytes, double generationSeconds) {
    }

    /**
     * Throughput of one direction.
     *
     * @param records          records moved
     * @param bytes            keys and values, bytes
     * @param seconds          elapsed
     * @param recordsPerSecond records per second
     * @param mbPerSecond      megabytes (10^6) per second
     */
    public record Throughput(long records, long bytes, double seconds, double recordsPerSecond, double mbPerSecond) {

        static Throughput of(KafkaBaseline.Throughput t) {
            return new Throughput(t.records(), t.bytes(), t.seconds(), t.recordsPerSecond(), t.megabytesPerSecond());
        }
    }

    /**
     * (a) Bare Kafka.
     *
     * @param produce the articles' records sent with the publisher's settings
     * @param consume the same read back
     */
    public record Kafka(Throughput produce, Throughput consume) {
    }

    /**
     * (b) End to end.
     *
     * @param articles            articles published
     * @param publishSeconds      from the first send until every send was acknowledged
     * @param seconds             from the first send until every tally counted every article
     * @param articlesPerSecond   articles / seconds
     * @param ratioToKafkaProduce articlesPerSecond / bare producer records per second
     * @param ratioToKafkaConsume articlesPerSecond / bare consumer records per second
     * @param enrichedArticles    distinct articles read enriched (read_committed)
     * @param hotSpeakerArticles  articles in the hot speaker's tally, or null without --hot-speaker
     * @param hotCasualtyArticles articles in the hot casualty's tally, or null without --hot-casualty
     * @param consumer            the consumer that ran beside the pipeline: none, files or database (DuckDB)
     * @param talliesSeconds      from the first send until every tally counted every article; {@code seconds}
     *                            also waits for the consumer to have written everything
     * @param databaseBytes       the DuckDB file's size then, or null without a database
     * @param consumerCpuSeconds  CPU time of the consumer's thread until then, or null without a consumer
     * @param secondHalfPerSecond the later half of the articles over the time from the reader's seeing half of
     *                            them enriched until every tally counted every article: the pipeline once the
     *                            JVMs have compiled their code, which the first seconds of a run are spent on
     */
    public record EndToEnd(int articles, double publishSeconds, double seconds, double articlesPerSecond,
                           double ratioToKafkaProduce, double ratioToKafkaConsume, int enrichedArticles,
                           Integer hotSpeakerArticles, Integer hotCasualtyArticles, String consumer,
                           double talliesSeconds, Long databaseBytes, Double consumerCpuSeconds,
                           double secondHalfPerSecond) {
    }

    /**
     * Percentiles of one latency, in milliseconds.
     *
     * @param count records measured
     * @param p50   median
     * @param p95   95th percentile
     * @param p99   99th percentile
     * @param max   largest
     */
    public record Percentiles(long count, long p50, long p95, long p99, long max) {

        static Percentiles of(Histogram h) {
            return new Percentiles(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(95),
                    h.getValueAtPercentile(99), h.getMaxValue());
        }
    }

    /**
     * (c) Latency at a fixed rate, on top of the full-speed phase's articles.
     *
     * @param rate            articles per second asked for
     * @param seconds         length asked for
     * @param articles        articles published
     * @param achievedRate    articles per second actually sent
     * @param toEnriched      publish to readable on the enriched topic
     * @param toTally         publish to readable on a tally topic
     * @param catchUpSeconds  from the last send until every tally counted every article
     * @param enrichedArticles    distinct articles read enriched after the phase, both phases together
     * @param hotSpeakerArticles  the hot speaker's articles after the phase, or null
     * @param hotCasualtyArticles the hot casualty's articles after the phase, or null
     */
    public record Latency(int rate, int seconds, int articles, double achievedRate, Percentiles toEnriched,
                          Percentiles toTally, double catchUpSeconds, int enrichedArticles,
                          Integer hotSpeakerArticles, Integer hotCasualtyArticles) {
    }

    /**
     * (d) What the streams application used, for every article of both phases.
     *
     * @param articles                 articles both phases published
     * @param heapMaxBytes             the streams JVM's heap limit
     * @param peakHeapBytes            the most heap in use (before a collection, or sampled)
     * @param peakHeapAfterGcBytes     the most heap in use just after a collection (about the live data)
     * @param changelogBytes           bytes of the {@code <application.id>-*-changelog} topics on the broker
     * @param changelogOffsets         sum of their end offsets
     * @param repartitionBytes         bytes of the {@code -repartition} topics
     * @param outputBytes              bytes of articles.enriched and the two tally topics
     * @param outputOffsets            sum of their end offsets
     * @param changelogBytesPerArticle changelogBytes / articles
     * @param outputBytesPerArticle    outputBytes / articles
     * @param stateDirBytes            the streams state directory on disk, after the application closed
     * @param internalTopicBytes       bytes of each changelog and repartition topic, without the application id
     */
    public record Resources(int articles, long heapMaxBytes, long peakHeapBytes, long peakHeapAfterGcBytes,
                            long changelogBytes, long changelogOffsets, long repartitionBytes, long outputBytes,
                            long outputOffsets, double changelogBytesPerArticle, double outputBytesPerArticle,
                            long stateDirBytes, Map<String, Long> internalTopicBytes) {
    }

    /** Writes this result as indented JSON, creating the file's directory. */
    public void write(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            mapper().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The mapper the JSON file is written with: snake case, indented. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
