package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.frontline.broker.testing.CommandRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results database on a real PostgreSQL server ({@link PostgresServer}: Debian's binaries, started for the
 * class): {@code run --jdbc-url} creates the tables and fills them with the seeds' tallies, a second run leaves the
 * tallies as they were, and a database Frontline cannot use is a one-line error.
 */
class PostgresResultsIT {

    private static final Path SEEDS = Path.of("..", "seeds");

    private static PostgresServer postgres;

    @TempDir
    Path work;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void runWritesTheSeedsTalliesToPostgresqlTablesItCreates() throws Exception {
        Path credentials = work.resolve("jdbc.properties");
        try (Writer writer = Files.newBufferedWriter(credentials)) {
            PostgresServer.credentials().store(writer, null);
        }
        String[] run = {"run", "--data", work.resolve("data").toString(), "--out", work.resolve("out").toString(),
            "--jdbc-url", postgres.url(), "--jdbc-properties", credentials.toString(), SEEDS.toString()};

        CommandRunner.Result first = Cli.run(run);
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("Database: " + postgres.url());
        SeedsPipelineIT.Gold gold = SeedsPipelineIT.Gold.read(SEEDS);
        SeedsPipelineIT.assertDatabaseHoldsTheGold(postgres.url(), PostgresServer.credentials(), gold);
        assertThat(Files.exists(work.resolve("out").resolve("frontline.duckdb"))).as("no DuckDB file").isFalse();
        Map<String, List<String>> before = DatabaseTables.dump(postgres.url(), PostgresServer.credentials());

        CommandRunner.Result second = Cli.run(run);
        assertThat(second.exit()).as(second.output()).isZero();
        Map<String, List<String>> after = DatabaseTables.dump(postgres.url(), PostgresServer.credentials());
        for (String table : List.of("casualty_tallies", "speaker_tallies", "frontline_schema_version")) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        SeedsPipelineIT.assertDatabaseHoldsTheGold(postgres.url(), PostgresServer.credentials(), gold);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void tablesOfANewerSchemaAreLeftAloneWithAOneLineError() throws Exception {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE newer");
        }
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/newer";
        try (Connection connection = java.sql.DriverManager.getConnection(url, PostgresServer.credentials());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE frontline_schema_version (version INTEGER PRIMARY KEY, "
                    + "applied_at TIMESTAMP NOT NULL)");
            statement.execute("INSERT INTO frontline_schema_version VALUES (2, now())");
        }
        Path credentials = work.resolve("jdbc.properties");
        try (Writer writer = Files.newBufferedWriter(credentials)) {
            PostgresServer.credentials().store(writer, null);
        }

        CommandRunner.Result result = Cli.run("consume", "--bootstrap-servers", "127.0.0.1:9", "--out",
                work.resolve("out").toString(), "--jdbc-url", url, "--jdbc-properties", credentials.toString());

        assertThat(result.exit()).isEqualTo(Frontline.EXIT_FAILED);
        assertThat(result.output().strip()).isEqualTo("frontline consume: " + url + " holds Frontline tables of "
                + "schema version 2; this release writes version 1: use a newer Frontline or another database");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anUnreachableServerOrAnotherKindOfDatabaseIsAOneLineError() {
        CommandRunner.Result unreachable = Cli.run("consume", "--bootstrap-servers", "127.0.0.1:9", "--out",
                work.resolve("out").toString(), "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/frontline");
        assertThat(unreachable.exit()).isEqualTo(Frontline.EXIT_FAILED);
        assertThat(unreachable.output().strip()).startsWith("frontline consume: cannot open "
                + "jdbc:postgresql://127.0.0.1:1/frontline: ").doesNotContain("\n");

        CommandRunner.Result other = Cli.run("consume", "--bootstrap-servers", "127.0.0.1:9", "--out",
                work.resolve("out").toString(), "--jdbc-url", "jdbc:mysql://db/frontline");
        assertThat(other.exit()).isEqualTo(Frontline.EXIT_FAILED);
        assertThat(other.output().strip()).startsWith("frontline consume: unsupported JDBC URL jdbc:mysql://db/")
                .doesNotContain("\n");
    }
}
