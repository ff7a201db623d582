package org.frontline.launcher.chaos;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.frontline.avro.EnrichedArticle;
import org.frontline.broker.BrokerCluster;
import org.frontline.consumer.EnrichedLog;
import org.frontline.extract.SpeakerNames;
import org.frontline.launcher.ChildJvm;
import org.frontline.launcher.Frontline;
import org.frontline.launcher.bench.StreamsProcess;
import org.frontline.launcher.bench.SyntheticCorpus;
import org.frontline.producer.ArticleIds;
import org.frontline.producer.ArticlePublisher;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;
import org.frontline.streams.StreamsSettings;
import org.frontline.streams.tally.CasualtyTallies;

/**
 * The exactly-once proof of issue #13: the whole pipeline on a three-node cluster while faults are injected at
 * moments drawn from a seed, then, once everything is quiescent, the tallies and the enriched articles compared
 * with what the {@link TallyOracle} computes from the corpus without Kafka.
 *
 * <p>Every part runs in a JVM of its own and every kill is a {@code SIGKILL}: two {@code frontline streams}
 * instances (a third joins and leaves), a {@code frontline replay} publishing the corpus at a steady rate,
 * a {@code frontline consume} writing files, and the three broker nodes of a {@link BrokerCluster}. Faults:
 * <ul>
 *   <li>{@link Kind#STREAMS_KILL}: kill -9 of a streams instance, restarted on its state directory;</li>
 *   <li>{@link Kind#LEADER_KILL}: kill -9 of the node leading a partition of {@code articles.raw}, restarted;</li>
 *   <li>{@link Kind#REBALANCE}: a third streams instance joins, takes tasks, and leaves;</li>
 *   <li>{@link Kind#PRODUCER_KILL}: kill -9 of the publisher mid-publish, and the whole publish run again; the
 *       first one also corrects some articles first, so their latest version differs from the first;</li>
 *   <li>{@link Kind#CONSUMER_KILL}: kill -9 of the consumer, restarted on its output directory.</li>
 * </ul>
 */
public final class ChaosRun {

    /** The kinds of fault, each injected at least once when a run has five faults or more. */
    public enum Kind { STREAMS_KILL, LEADER_KILL, REBALANCE, PRODUCER_KILL, CONSUMER_KILL }

    /**
     * One fault injected.
     *
     * @param at     when, from the start of publishing
     * @param kind   what
     * @param detail which process, how long it stayed down
     */
    public record Fault(Duration at, Kind kind, String detail) {
        @Override
        public String toString() {
            return String.format("%6.1fs %-13s %s", at.toMillis() / 1000.0, kind, detail);
        }
    }

    /**
     * What to run.
     *
     * @param articles       articles in the corpus
     * @param faults         faults to inject
     * @param seed           draws the corpus, the faults and their moments
     * @param devCorpus      the article files the corpus is made from (corpus/dev)
     * @param work           where the corpus, the processes' state, logs and output go
     * @param publishSeconds how long one publish run of the whole corpus takes (it is paced)
     * @param maxGapSeconds  the longest pause between two faults; each is drawn between 1 s and this
     */
    public record Plan(int articles, int faults, long seed, Path devCorpus, Path work, int publishSeconds,
                       int maxGapSeconds) {
    }

    private static final int PARTITIONS = 3;
    private static final int PUBLISH_LOG_LINES = 120;
    private static final String HEAP = "384m";
    private static final double CORRECTED_SHARE = 0.1;
    private static final Duration QUIESCENCE_TIMEOUT = Duration.ofMinutes(5);
    /**
     * How long a streams instance may take to reach RUNNING: its JVM and models take about 40 s to start beside
     * seven other busy JVMs on two cores, the rebalance about 12 s, and a killed instance's open transaction may
     * hold the offsets it must read for up to 40 s more (transaction.timeout.ms plus the coordinator's check).
     */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Plan plan;
    private final BrokerCluster cluster;
    private final PrintWriter out;
    private final Random random;
    private final Properties client = new Properties();
    private final FrontlineTopics topics = FrontlineTopics.named(TopicNames.defaults());
    private final StreamsProcess[] streams = new StreamsProcess[3];
    private final List<Fault> faults = new ArrayList<>();
    private final List<String> incidents = new ArrayList<>();
    private final Path corpus;
    private final Path output;
    private Process publisher;
    private int publishRuns;
    private Process consumer;
    private boolean corrected;
    private long began;

    private ChaosRun(Plan plan, BrokerCluster cluster, PrintWriter out) {
        this.plan = plan;
        this.cluster = cluster;
        this.out = out;
        this.random = new Random(plan.seed());
        this.corpus = plan.work().resolve("corpus");
        this.output = plan.work().resolve("out");
        client.put("bootstrap.servers", cluster.bootstrapServers());
    }

    /**
     * Runs the plan on a running cluster, printing the faults as they are injected and the comparison at the
     * end, and leaves nothing of its own running.
     */
    public static ChaosReport run(Plan plan, BrokerCluster cluster, PrintWriter out) throws Exception {
        ChaosRun run = new ChaosRun(plan, cluster, out);
        try {
            return run.run();
        } finally {
            run.killAll();
        }
    }

    private ChaosReport run() throws Exception {
        long started = System.nanoTime();
        say("chaos: seed %d, %d articles, %d faults, cluster %s, work in %s", plan.seed(), plan.articles(),
                plan.faults(), cluster.bootstrapServers(), plan.work());
        writeCorpus(0);
        ArticlePublisher.ensureTopics(client, topics.names(), PARTITIONS, (short) -1);
        consumer = startConsumer();
        streams[0] = startStreams(0);
        streams[1] = startStreams(1);
        awaitRunning(streams[0], 0);
        awaitRunning(streams[1], 1);

        began = System.nanoTime();
        publisher = startPublisher();
        for (Kind kind : schedule()) {
            TimeUnit.MILLISECONDS.sleep(1000 + random.nextInt(plan.maxGapSeconds() * 1000 - 999));
            inject(kind);
        }
        say("chaos: %d faults injected; finishing the last publish run", faults.size());
        finishPublishing();
        for (int i = 0; i < 2; i++) {
            if (checkAlive(i, "by the end of the faults")) {
                streams[i] = startStreams(i);
            }
        }
        for (int node : cluster.nodeIds()) {
            cluster.start(node);
        }
        if (!consumer.isAlive()) {
            incident("the consumer had exited by itself with code " + consumer.exitValue());
            consumer = startConsumer();
        }

        long quiet = System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            Quiescence.await(admin, StreamsSettings.DEFAULT_APPLICATION_ID, topics.raw().name(), QUIESCENCE_TIMEOUT);
        }
        say("chaos: quiescent after %d s (consumer-group lag 0 on articles.raw and the repartition topics, "
                + "no open transaction)", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - quiet));

        TallyOracle oracle = oracle();
        Tallies expected = oracle.tallies();
        OutputTopics topicsNow = OutputTopics.read(client, topics);
        Tallies.Comparison onTopics = expected.compare(topicsNow.tallies());
        List<String> enrichedProblems = enrichedProblems(oracle, topicsNow);
        ConsumerFiles files = awaitConsumerFiles(topicsNow);
        Tallies.Comparison inFiles = expected.compare(files.tallies());
        ChaosReport report = new ChaosReport(plan.seed(), plan.articles(), List.copyOf(faults), publishRuns,
                expected.casualties().size(), expected.statements().size(), onTopics, enrichedProblems, inFiles,
                files.problems(), List.copyOf(incidents), Duration.ofNanos(System.nanoTime() - started));
        report.print(out);
        return report;
    }

    /** Every kind once, in an order drawn from the seed, then kinds drawn at random. */
    private List<Kind> schedule() {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        Collections.shuffle(kinds, random);
        List<Kind> schedule = new ArrayList<>(kinds.subList(0, Math.min(plan.faults(), kinds.size())));
        while (schedule.size() < plan.faults()) {
            schedule.add(Kind.values()[random.nextInt(Kind.values().length)]);
        }
        return schedule;
    }

    private void inject(Kind kind) throws Exception {
        switch (kind) {
            case STREAMS_KILL -> {
                int i = random.nextInt(2);
                Duration at = now();
                checkAlive(i, "before fault " + (faults.size() + 1));
                streams[i].kill();
                long down = random.nextInt(3000);
                TimeUnit.MILLISECONDS.sleep(down);
                streams[i] = startStreams(i);
                fault(at, kind, "kill -9 streams-" + (i + 1) + ", restarted " + down + " ms later");
            }
            case LEADER_KILL -> {
                int partition = random.nextInt(PARTITIONS);
                int leader = leaderOf(topics.raw().name(), partition);
                Duration at = now();
                cluster.kill(leader);
                long down = 1000 + random.nextInt(4000);
                TimeUnit.MILLISECONDS.sleep(down);
                cluster.start(leader);
                String isr = awaitFullIsr();
                fault(at, kind, "kill -9 broker " + leader + " (leader of " + topics.raw().name() + "-" + partition
                        + "), restarted " + down + " ms later; " + isr);
            }
            case REBALANCE -> {
                Duration at = now();
                streams[2] = startStreams(2);
                awaitRunning(streams[2], 2);
                long stay = random.nextInt(5000);
                TimeUnit.MILLISECONDS.sleep(stay);
                streams[2].stop();
                fault(at, kind, "streams-3 joined, ran " + stay + " ms after the rebalance, and left");
            }
            case PRODUCER_KILL -> {
                if (!publisher.isAlive()) {
                    checkPublished(publisher);
                    publisher = startPublisher();
                    TimeUnit.MILLISECONDS.sleep(1500 + random.nextInt(plan.publishSeconds() * 1000));
                }
                Duration at = now();
                boolean running = publisher.isAlive();
                publisher.destroyForcibly().waitFor();
                String correction = "";
                if (!corrected) {
                    int changed = writeCorpus(1);
                    corrected = true;
                    correction = ", " + changed + " articles corrected before the rerun";
                }
                publisher = startPublisher();
                fault(at, kind, (running ? "kill -9 publish run " : "publish run had finished before its kill, ")
                        + (publishRuns - 1) + "; whole corpus published again" + correction);
            }
            case CONSUMER_KILL -> {
                Duration at = now();
                if (!consumer.isAlive()) {
                    incident("the consumer had exited by itself (code " + consumer.exitValue() + ") before fault "
                            + (faults.size() + 1));
                }
                consumer.destroyForcibly().waitFor();
                long down = random.nextInt(2000);
                TimeUnit.MILLISECONDS.sleep(down);
                consumer = startConsumer();
                fault(at, kind, "kill -9 consume, restarted " + down + " ms later on the same output");
            }
            default -> throw new IllegalStateException("unknown fault " + kind);
        }
    }

    /**
     * Writes article {@code i} of the corpus to {@code a-NNNNN.txt} in the crawler's format. Generation 0 writes
     * every article; a later one rewrites a share of them as other articles under the same file names, that is
     * new versions of the same article ids. Returns how many files it wrote.
     */
    private int writeCorpus(int generation) throws IOException {
        SyntheticCorpus source = SyntheticCorpus.from(plan.devCorpus(), new SyntheticCorpus.Hot(false, false));
        Files.createDirectories(corpus);
        int written = 0;
        for (int i = 0; i < plan.articles(); i++) {
            if (generation > 0 && random.nextDouble() >= CORRECTED_SHARE) {
                continue;
            }
            SyntheticCorpus.Generated article = source.article(i, plan.seed() + generation);
            String date = article.fields().published() == null ? "" : " date " + article.fields().published() + " ";
            String title = article.fields().title() == null ? "" : article.fields().title() + "\n\n";
            Files.writeString(corpus.resolve(fileName(i)), date + title + article.fields().body() + "\n",
                    StandardCharsets.UTF_8);
            written++;
        }
        return written;
    }

    private static String fileName(int i) {
        return String.format("a-%05d.txt", i);
    }

    /** The oracle: {@code frontline extract} over the corpus as it is now, folded. */
    private TallyOracle oracle() {
        StringWriter extracted = new StringWriter();
        StringWriter errors = new StringWriter();
        int status = Frontline.commandLine().setOut(new PrintWriter(extracted)).setErr(new PrintWriter(errors))
                .execute("extract", corpus.toString());
        if (status != 0) {
            throw new IllegalStateException("frontline extract failed (" + status + "): " + errors);
        }
        TallyOracle oracle = new TallyOracle();
        extracted.toString().lines().filter(l -> !l.isBlank()).forEach(oracle::add);
        return oracle;
    }

    /** Every article id exactly once, each in its latest version, judged by what its extraction holds. */
    private List<String> enrichedProblems(TallyOracle oracle, OutputTopics now) {
        List<String> problems = new ArrayList<>();
        Map<String, TallyOracle.ArticleCounts> expected = new TreeMap<>();
        oracle.articles().forEach((name, counts) -> expected.put(ArticleIds.forFile(name + ".txt"), counts));
        if (expected.size() != plan.articles()) {
            problems.add("the oracle has " + expected.size() + " articles, not " + plan.articles());
        }
        for (Map.Entry<String, TallyOracle.ArticleCounts> article : expected.entrySet()) {
            EnrichedArticle enriched = now.enriched().get(article.getKey());
            if (enriched == null) {
                problems.add("article " + article.getKey() + " missing from " + topics.enriched().name());
                continue;
            }
            TallyOracle.ArticleCounts got = new TallyOracle.ArticleCounts(enriched.getCasualties().size(),
                    enriched.getStatements().size());
            if (!got.equals(article.getValue())) {
                problems.add("article " + article.getKey() + " is not in its latest version: " + got + ", expected "
                        + article.getValue());
            }
        }
        now.enriched().keySet().stream().filter(id -> !expected.containsKey(id))
                .forEach(id -> problems.add("article " + id + " on " + topics.enriched().name()
                        + " was never published"));
        return problems;
    }

    /**
     * What the consumer wrote, once its files agree with the topics or after a minute: its tally files, and
     * whether its enriched log holds each committed record of {@code articles.enriched} exactly once.
     */
    private ConsumerFiles awaitConsumerFiles(OutputTopics now) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        ConsumerFiles files = readConsumerFiles(now);
        while (!(files.problems().isEmpty() && files.tallies().equals(now.tallies())) && System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(1);
            files = readConsumerFiles(now);
        }
        // An orderly stop writes the tallies once more; they must not change.
        consumer.destroy();
        if (!consumer.waitFor(60, TimeUnit.SECONDS)) {
            incident("the consumer did not stop within 60 s of SIGTERM");
        }
        return readConsumerFiles(now);
    }

    private record ConsumerFiles(Tallies tallies, List<String> problems) {
    }

    private ConsumerFiles readConsumerFiles(OutputTopics now) {
        List<String> problems = new ArrayList<>();
        Map<String, Tallies.Casualty> casualties = new HashMap<>();
        Map<String, Tallies.Speaker> speakers = new HashMap<>();
        try {
            for (JsonNode t : JSON.readTree(output.resolve("casualties.json").toFile())) {
                casualties.put(CasualtyTallies.key(t.path("outcome").asText(), t.path("victims").asText(),
                        t.path("party").isTextual() ? t.get("party").asText() : null),
                        new Tallies.Casualty(t.path("incident_total").asLong(), t.path("reports").asLong(),
                                t.path("articles").asLong(), t.path("latest_cumulative").isNumber()
                                ? t.get("latest_cumulative").asLong() : null));
            }
            for (JsonNode t : JSON.readTree(output.resolve("statements.json").toFile())) {
                speakers.put(SpeakerNames.canonicalKey(t.path("speaker").asText()), new Tallies.Speaker(
                        t.path("statements").asLong(), t.path("articles").asLong(),
                        t.path("first_published").isTextual() ? t.get("first_published").asText() : null));
            }
            Map<String, Integer> lines = new HashMap<>();
            EnrichedLog.forEachLine(output.resolve("enriched"), line -> lines.merge(line.has("withdrawn")
                    ? line.get("withdrawn").asText() : line.path("article").path("id").asText(), 1, Integer::sum));
            if (!lines.equals(now.enrichedRecords())) {
                int extra = 0;
                int missing = 0;
                for (String id : union(lines.keySet(), now.enrichedRecords().keySet())) {
                    int gap = lines.getOrDefault(id, 0) - now.enrichedRecords().getOrDefault(id, 0);
                    extra += Math.max(gap, 0);
                    missing += Math.max(-gap, 0);
                }
                problems.add("the enriched log differs from " + topics.enriched().name() + ": " + missing
                        + " records missing, " + extra + " repeated");
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add("cannot read the consumer's files: " + e);
        }
        return new ConsumerFiles(new Tallies(casualties, speakers), problems);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private void finishPublishing() throws Exception {
        for (int attempt = 1; ; attempt++) {
            if (!publisher.waitFor(plan.publishSeconds() * 4L + 120, TimeUnit.SECONDS)) {
                dumpThreads(publisher);
                publisher.destroyForcibly().waitFor();
                incident("publish run " + publishRuns + " did not finish in time; killed. " + publishLog());
            } else if (publisher.exitValue() == 0) {
                return;
            } else {
                checkPublished(publisher);
            }
            if (attempt == 3) {
                throw new IllegalStateException("the corpus could not be published in three runs after the faults");
            }
            publisher = startPublisher();
        }
    }

    private void checkPublished(Process run) {
        if (run.exitValue() != 0) {
            incident("publish run " + publishRuns + " failed with code " + run.exitValue() + ". " + publishLog());
        }
    }

    /** Has a JVM print its threads' stacks to its log ({@code kill -QUIT}), to say where it was stuck. */
    private void dumpThreads(Process jvm) throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(jvm.pid())).start().waitFor();
            TimeUnit.SECONDS.sleep(2);
        } catch (IOException e) {
            say("chaos: cannot ask process %d for its threads' stacks: %s", jvm.pid(), e.getMessage());
        }
    }

    /** Where the publisher's log is, and its last lines: the report of a run on CI is all there is of it. */
    private String publishLog() {
        Path log = plan.work().resolve("publish.log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "The end of " + log + ":\n  " + String.join("\n  ",
                    lines.subList(Math.max(0, lines.size() - PUBLISH_LOG_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "Its log " + log + " cannot be read: " + e;
        }
    }

    private Process startPublisher() {
        publishRuns++;
        double rate = plan.articles() / (double) plan.publishSeconds();
        return ChildJvm.start(HEAP, List.of(), List.of("replay", "--bootstrap-servers", cluster.bootstrapServers(),
                "--rate", Double.toString(rate), corpus.toString()), plan.work().resolve("publish.log"));
    }

    private Process startConsumer() {
        return ChildJvm.start(HEAP, List.of(), List.of("consume", "--bootstrap-servers", cluster.bootstrapServers(),
                "--out", output.toString()), plan.work().resolve("consume.log"));
    }

    private StreamsProcess startStreams(int i) {
        Properties config = new Properties();
        // A killed member's partitions wait for its session to expire: 10 s, not the default 45 s.
        config.put("session.timeout.ms", "10000");
        config.put("heartbeat.interval.ms", "2000");
        return StreamsProcess.start(HEAP, cluster.bootstrapServers(), config,
                plan.work().resolve("streams-" + (i + 1)), PARTITIONS);
    }

    private void awaitRunning(StreamsProcess instance, int i) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (!instance.state().equals("RUNNING")) {
            instance.checkRunning();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("streams-" + (i + 1) + " not running after " + STARTUP_TIMEOUT
                        + " (" + outstanding() + "):\n" + instance.logTail());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** What the cluster still holds open for the application, for a report: lag, open transactions. */
    private String outstanding() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            String outstanding = Quiescence.outstanding(admin, StreamsSettings.DEFAULT_APPLICATION_ID,
                    topics.raw().name());
            return outstanding.isEmpty() ? "no lag, no open transaction" : outstanding;
        } catch (ExecutionException | TimeoutException e) {
            return "cannot ask the cluster what is open: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while asking the cluster what is open";
        }
    }

    /**
     * Reports streams instance {@code i} as an incident when it has exited by itself (a kill that follows
     * would otherwise hide it); returns true in that case.
     */
    private boolean checkAlive(int i, String when) {
        if (streams[i].isAlive()) {
            return false;
        }
        incident("streams-" + (i + 1) + " had exited by itself " + when + "; its log: "
                + plan.work().resolve("streams-" + (i + 1)).resolve("streams.log"));
        return true;
    }

    private int leaderOf(String topic, int partition) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic);
            return description.partitions().get(partition).leader().id();
        }
    }

    /** Waits, up to a minute, until every partition has all its replicas in sync again. */
    private String awaitFullIsr() throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(1);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            while (true) {
                long underReplicated = 0;
                for (TopicDescription d : admin.describeTopics(admin.listTopics(
                        new ListTopicsOptions().listInternal(true)).names()
                        .get(30, TimeUnit.SECONDS)).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                    for (TopicPartitionInfo p : d.partitions()) {
                        if (p.isr().size() < p.replicas().size()) {
                            underReplicated++;
                        }
                    }
                }
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (underReplicated == 0) {
                    return "all replicas in sync " + waited + " ms after the restart";
                }
                if (System.nanoTime() > deadline) {
                    return underReplicated + " partitions still under-replicated " + waited + " ms after the restart";
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
    }

    private Duration now() {
        return Duration.ofNanos(System.nanoTime() - began);
    }

    private void fault(Duration at, Kind kind, String detail) {
        Fault fault = new Fault(at, kind, detail);
        faults.add(fault);
        say("fault %2d: %s", faults.size(), fault);
    }

    private void incident(String what) {
        incidents.add(what);
        say("chaos: %s", what);
    }

    private void say(String format, Object... args) {
        out.println(String.format(format, args));
        out.flush();
    }

    private void killAll() {
        for (StreamsProcess instance : streams) {
            if (instance != null) {
                instance.close();
            }
        }
        for (Process process : new Process[] {publisher, consumer}) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }
}
