package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.frontline.broker.testing.CommandRunner;
import org.frontline.consumer.EnrichedLog;
import org.frontline.consumer.db.ResultsDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The main job end to end on a real embedded KRaft broker: the five seeds through producer, streams
 * and consumer, and the files and the DuckDB database it writes hold the tallies computed from the seeds' gold
 * files.
 */
class SeedsPipelineIT {

    private static final Path SEEDS = Path.of("..", "seeds");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void seedsGoThroughTheBrokerIntoTheTalliesOfTheirGoldFiles() throws Exception {
        Path data = work.resolve("data");
        Path out = work.resolve("out");

        String console = run("run", "--data", data.toString(), "--out", out.toString(), SEEDS.toString());

        assertThat(console).contains("embedded broker", "received 5, published 5, rejected 0",
                "Casualty tallies", "Speakers by statements", "Jens Stoltenberg");
        Gold gold = Gold.read(SEEDS);
        assertThat(casualtiesByOutcomeAndVictims(out)).isEqualTo(gold.casualties());
        assertThat(statementsBySpeaker(out, gold)).isEqualTo(gold.statements());
        assertThat(EnrichedLog.readAll(out.resolve("enriched"))).hasSize(5);
        assertThat(Files.readAllLines(out.resolve("casualties.csv")).get(0)).startsWith("outcome,victims,party,");
        assertThat(Files.readAllLines(out.resolve("statements.csv")).get(0)).startsWith("speaker,statements,");
        String duckdb = ResultsDatabase.duckDbUrl(out);
        assertDatabaseHoldsTheGold(duckdb, new Properties(), gold);
        Map<String, List<String>> tablesBefore = DatabaseTables.dump(duckdb, new Properties());

        // The numbers the issue states, rolled up over party.
        Map<String, Rollup> casualties = casualtiesByOutcomeAndVictims(out);
        assertThat(casualties.get("killed|civilians")).isEqualTo(new Rollup(4, 6655L));
        assertThat(casualties.get("injured|civilians")).isEqualTo(new Rollup(3, 10368L));
        assertThat(casualties.get("losses|military")).isEqualTo(new Rollup(860, 120160L));
        Map<String, Integer> statements = statementsBySpeaker(out, gold);
        assertThat(statements).containsEntry("Jens Stoltenberg", 16).containsEntry("Dmitry Peskov", 2)
                .containsEntry("John Kirby", 2).containsEntry("Vladimir Putin", 1)
                .containsEntry("Vladimir Saldo", 1).containsEntry("Jake Sullivan", 1)
                .containsEntry("La Casa Bianca", 1).containsEntry("Oleg Synegubov", 1)
                .containsEntry("Stato maggiore ucraino", 1).containsEntry("National Center of Resistance", 1)
                .containsEntry("Dtek", 1).hasSize(11);

        // The same data directory again: the seeds are republished under the same keys.
        String casualtiesBefore = Files.readString(out.resolve("casualties.json"));
        String statementsBefore = Files.readString(out.resolve("statements.json"));
        run("run", "--data", data.toString(), "--out", out.toString(), SEEDS.toString());
        assertThat(Files.readString(out.resolve("casualties.json"))).isEqualTo(casualtiesBefore);
        assertThat(Files.readString(out.resolve("statements.json"))).isEqualTo(statementsBefore);
        Map<String, List<String>> tablesAfter = DatabaseTables.dump(duckdb, new Properties());
        assertDatabaseHoldsTheGold(duckdb, new Properties(), gold);
        for (String table : List.of("casualty_tallies", "speaker_tallies", "frontline_schema_version")) {
            assertThat(tablesAfter.get(table)).as(table).isEqualTo(tablesBefore.get(table));
        }
        assertThat(tablesAfter.get("articles")).hasSize(5);
    }

    /**
     * The database's tables against the seeds' gold: the casualty tallies and the casualty figures both add up to
     * the gold figures, the statement tallies and the statements to the gold statements per speaker.
     */
    static void assertDatabaseHoldsTheGold(String url, Properties props, Gold gold) throws Exception {
        assertThat(DatabaseTables.rows(url, props, "SELECT COUNT(*) FROM articles")).containsExactly("5");
        assertThat(rollups(DatabaseTables.rows(url, props, "SELECT outcome, victims, SUM(incident_total), "
                + "MAX(latest_cumulative) FROM casualty_tallies GROUP BY outcome, victims")))
                .as("casualty_tallies").isEqualTo(gold.casualties());
        assertThat(rollups(DatabaseTables.rows(url, props, "SELECT outcome, victims, "
                + "SUM(CASE WHEN cumulative THEN 0 ELSE count END), MAX(CASE WHEN cumulative THEN count END) "
                + "FROM casualty_figures f JOIN articles a ON a.id = f.article_id GROUP BY outcome, victims")))
                .as("casualty_figures").isEqualTo(gold.casualties());
        assertThat(bySpeaker(DatabaseTables.rows(url, props, "SELECT speaker, statements FROM speaker_tallies"),
                gold)).as("speaker_tallies").isEqualTo(gold.statements());
        assertThat(bySpeaker(DatabaseTables.rows(url, props, "SELECT MIN(t.speaker), COUNT(*) FROM statements s "
                + "JOIN speaker_tallies t ON t.speaker_key = s.speaker_key GROUP BY s.speaker_key"), gold))
                .as("statements").isEqualTo(gold.statements());
        assertThat(DatabaseTables.rows(url, props, "SELECT version FROM frontline_schema_version"))
                .containsExactly("1");
        // Every figure and statement says where it is in the article and which rule or sieve produced it.
        assertThat(DatabaseTables.rows(url, props, "SELECT COUNT(*) FROM casualty_figures WHERE rule IS NULL "
                + "OR start_offset IS NULL OR end_offset <= start_offset")).containsExactly("0");
        assertThat(DatabaseTables.rows(url, props, "SELECT COUNT(*) FROM statements WHERE rule IS NULL "
                + "OR start_offset IS NULL OR end_offset <= start_offset")).containsExactly("0");
    }

    private static Map<String, Rollup> rollups(List<String> rows) {
        Map<String, Rollup> rollups = new HashMap<>();
        for (String row : rows) {
            String[] v = row.split("\\|");
            rollups.put(v[0] + "|" + v[1], new Rollup(Long.parseLong(v[2]),
                    v[3].equals("null") ? null : Long.valueOf(v[3])));
        }
        return rollups;
    }

    private static Map<String, Integer> bySpeaker(List<String> rows, Gold gold) {
        Map<String, Integer> counts = new HashMap<>();
        for (String row : rows) {
            int bar = row.lastIndexOf('|');
            counts.merge(gold.canonical(row.substring(0, bar)), Integer.parseInt(row.substring(bar + 1)),
                    Integer::sum);
        }
        return counts;
    }

    private static String run(String... args) {
        CommandRunner.Result result = Cli.run(args);
        assertThat(result.exit()).as("%s: %s", String.join(" ", args), result.output()).isZero();
        return result.output();
    }

    /** Incident total and largest cumulative figure of one (outcome, victims), all parties together. */
    record Rollup(long incidentTotal, Long latestCumulative) {
        Rollup plus(Rollup other) {
            Long max = latestCumulative == null ? other.latestCumulative
                    : other.latestCumulative == null ? latestCumulative
                    : Long.valueOf(Math.max(latestCumulative, other.latestCumulative));
            return new Rollup(incidentTotal + other.incidentTotal, max);
        }
    }

    private static Map<String, Rollup> casualtiesByOutcomeAndVictims(Path out) throws Exception {
        Map<String, Rollup> rollups = new HashMap<>();
        for (JsonNode tally : JSON.readTree(out.resolve("casualties.json").toFile())) {
            JsonNode cumulative = tally.get("latest_cumulative");
            rollups.merge(tally.get("outcome").asText() + "|" + tally.get("victims").asText(),
                    new Rollup(tally.get("incident_total").asLong(), cumulative.isNull() ? null : cumulative.asLong()),
                    Rollup::plus);
        }
        return rollups;
    }

    /** Statements per gold speaker; an output speaker is a gold speaker when it is the name or an alias. */
    private static Map<String, Integer> statementsBySpeaker(Path out, Gold gold) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode tally : JSON.readTree(out.resolve("statements.json").toFile())) {
            counts.merge(gold.canonical(tally.get("speaker").asText()), tally.get("statements").asInt(), Integer::sum);
        }
        return counts;
    }

    /** The tallies the seeds' gold files add up to. */
    record Gold(Map<String, Rollup> casualties, Map<String, Integer> statements, Map<String, String> names) {

        static Gold read(Path dir) throws Exception {
            Map<String, Rollup> casualties = new HashMap<>();
            Map<String, Integer> statements = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.toString().endsWith(".gold.json")).sorted().toList();
            }
            for (Path file : files) {
                JsonNode gold = JSON.readTree(file.toFile());
                for (JsonNode c : gold.get("casualties")) {
                    boolean cumulative = c.get("cumulative").asBoolean();
                    casualties.merge(c.get("outcome").asText() + "|" + c.get("victims").asText(),
                            new Rollup(cumulative ? 0 : c.get("count").asLong(),
                                    cumulative ? c.get("count").asLong() : null), Rollup::plus);
                }
                for (JsonNode s : gold.get("statements")) {
                    String speaker = s.get("speaker").asText();
                    statements.merge(speaker, 1, Integer::sum);
                    names.put(speaker.toLowerCase(), speaker);
                    s.get("aliases").forEach(a -> names.putIfAbsent(a.asText().toLowerCase(), speaker));
                }
            }
            return new Gold(casualties, statements, names);
        }

        String canonical(String speaker) {
            return names.getOrDefault(speaker.toLowerCase(), speaker);
        }
    }
}
