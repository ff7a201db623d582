package org.frontline.launcher.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table {@code frontline bench} prints: one line per measurement, its value and its unit. */
public final class BenchReport {

    private BenchReport() {
    }

    /** Prints {@code result} as a table. */
    public static void print(PrintWriter out, BenchResult result) {
        List<String[]> rows = new ArrayList<>();
        BenchResult.Settings s = result.settings();
        BenchResult.Corpus corpus = result.corpus();
        rows.add(row("corpus", "articles (both phases)", count(corpus.articles()), ""));
        rows.add(row("", "mean article / record", number(corpus.meanArticleBytes()) + " / "
                + number(corpus.meanRecordBytes()), "bytes"));
        BenchResult.Kafka kafka = result.kafka();
        rows.add(row("(a) bare Kafka", "produce", number(kafka.produce().recordsPerSecond()), "records/s"));
        rows.add(row("", "", decimal(kafka.produce().mbPerSecond()), "MB/s"));
        rows.add(row("", "consume", number(kafka.consume().recordsPerSecond()), "records/s"));
        rows.add(row("", "", decimal(kafka.consume().mbPerSecond()), "MB/s"));
        BenchResult.EndToEnd e2e = result.endToEnd();
        rows.add(row("(b) end to end", count(e2e.articles()) + " articles in " + decimal(e2e.seconds()) + " s",
                number(e2e.articlesPerSecond()), "articles/s"));
        rows.add(row("", "the later half, once warm", number(e2e.secondHalfPerSecond()), "articles/s"));
        rows.add(row("", "publishing alone took", decimal(e2e.publishSeconds()), "s"));
        if (!"none".equals(e2e.consumer())) {
            rows.add(row("", "tallies complete after", decimal(e2e.talliesSeconds()), "s"));
            rows.add(row("", "consumer (" + e2e.consumer() + ") done after", decimal(e2e.seconds()), "s"));
            if (e2e.consumerCpuSeconds() != null) {
                rows.add(row("", "consumer thread's CPU time", decimal(e2e.consumerCpuSeconds()), "s"));
            }
            if (e2e.databaseBytes() != null) {
                rows.add(row("", "DuckDB file", mib(e2e.databaseBytes()), "MiB"));
            }
        }
        rows.add(row("", "(b) / (a) produce", percent(e2e.ratioToKafkaProduce()), ""));
        rows.add(row("", "(b) / (a) consume", percent(e2e.ratioToKafkaConsume()), ""));
        rows.add(row("", "counted: enriched / hot speaker / hot casualty", count(e2e.enrichedArticles()) + " / "
                + orDash(e2e.hotSpeakerArticles()) + " / " + orDash(e2e.hotCasualtyArticles()), "articles"));
        BenchResult.Latency latency = result.latency();
        if (latency != null) {
            rows.add(row("(c) latency", count(latency.articles()) + " articles at " + latency.rate() + "/s (sent "
                    + decimal(latency.achievedRate()) + "/s)", "p50 / p95 / p99 / max", ""));
            rows.add(row("", "publish to enriched", percentiles(latency.toEnriched()), "ms"));
            rows.add(row("", "publish to tally", percentiles(latency.toTally()), "ms"));
            rows.add(row("", "caught up after the last send", decimal(latency.catchUpSeconds()), "s"));
        }
        BenchResult.Resources r = result.resources();
        rows.add(row("(d) streams JVM", "peak heap / after GC / max", mib(r.peakHeapBytes()) + " / "
                + mib(r.peakHeapAfterGcBytes()) + " / " + mib(r.heapMaxBytes()), "MiB"));
        rows.add(row("", "changelog bytes per article", number(r.changelogBytesPerArticle()), "bytes"));
        rows.add(row("", "output bytes per article", number(r.outputBytesPerArticle()), "bytes"));
        rows.add(row("", "changelog / repartition / output", mib(r.changelogBytes()) + " / "
                + mib(r.repartitionBytes()) + " / " + mib(r.outputBytes()), "MiB"));
        r.internalTopicBytes().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3).forEach(topic -> rows.add(row("", "  " + topic.getKey(), mib(topic.getValue()), "MiB")));
        rows.add(row("", "state directory on disk", mib(r.stateDirBytes()), "MiB"));

        out.println();
        out.printf(Locale.ROOT, "Frontline bench, %s: %s articles + %s at %d/s, seed %d, %d partitions, streams "
                        + "-Xmx%s, %d thread(s), commit %d ms, cache %s bytes%n", result.cluster(),
                count(s.articles()), count(latency == null ? 0 : latency.articles()), s.rate(), s.seed(),
                s.partitions(), s.streamsHeap(), s.streamsThreads(), s.commitIntervalMs(), count(s.cacheBytes()));
        int[] widths = new int[4];
        rows.forEach(row -> {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            out.println(("  " + pad(row[0], widths[0]) + "  " + pad(row[1], widths[1]) + "  "
                    + " ".repeat(widths[2] - row[2].length()) + row[2] + "  " + row[3]).stripTrailing());
        }
        out.flush();
    }

    private static String[] row(String phase, String what, String value, String unit) {
        return new String[] {phase, what, value, unit};
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String percentiles(BenchResult.Percentiles p) {
        return p.p50() + " / " + p.p95() + " / " + p.p99() + " / " + p.max();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String number(double x) {
        return String.format(Locale.ROOT, "%,.0f", x);
    }

    private static String decimal(double x) {
        return String.format(Locale.ROOT, "%,.1f", x);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f", bytes / 1_048_576.0);
    }

    private static String orDash(Integer n) {
        return n == null ? "-" : count(n);
    }
}
