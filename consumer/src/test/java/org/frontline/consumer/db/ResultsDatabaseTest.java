package org.frontline.consumer.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.frontline.avro.CasualtyFigure;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.schemas.testing.TestArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void storesArticlesFiguresStatementsAndTalliesWithTheirOffsets() throws SQLException {
        try (ResultsDatabase db = ResultsDatabase.open(ResultsDatabase.duckDbUrl(dir), new Properties())) {
            ResultsBatch batch = new ResultsBatch();
            batch.article(7, article("a1", "Kyiv", 12, "Dmitri Peskov"));
            batch.casualtyTally("killed|civilians|UA", tally(12));
            batch.speakerTally("dmitri peskov", speaker("Dmitri Peskov", 1));
            batch.offsets("articles.enriched", "T1", Map.of(0, 8L));
            db.apply(batch);
            assertThat(db.offsets("articles.enriched", "T1")).containsExactlyEntriesOf(Map.of(0, 8L));
        }
        assertThat(rows("SELECT id, version, source, language, published, ingested FROM articles"))
                .containsExactly("a1|7|test|en|2024-03|2024-03-01 12:00:00.0");
        assertThat(rows("SELECT article_id, ordinal, count, outcome, victims, party, cumulative, approximate, "
                + "location, evidence, start_offset, end_offset, rule FROM casualty_figures"))
                .containsExactly("a1|0|12|killed|civilians|UA|false|true|Kyiv|at least 12 civilians|null|null|null");
        assertThat(rows("SELECT article_id, speaker, speaker_key, quote FROM statements"))
                .containsExactly("a1|Dmitri Peskov|dmitri peskov|We will see.");
        assertThat(rows("SELECT tally_key, incident_total, reports FROM casualty_tallies"))
                .containsExactly("killed|civilians|UA|12|1");
        assertThat(rows("SELECT speaker_key, speaker, statements FROM speaker_tallies"))
                .containsExactly("dmitri peskov|Dmitri Peskov|1");
        assertThat(rows("SELECT version FROM frontline_schema_version")).containsExactly("1");
    }

    @Test
    void theSameRecordsAppliedAgainChangeNothingAndANewerVersionReplacesTheRows() throws SQLException {
        try (ResultsDatabase db = ResultsDatabase.open(ResultsDatabase.duckDbUrl(dir), new Properties())) {
            ResultsBatch first = new ResultsBatch();
            first.article(3, article("a1", "Kyiv", 12, "Dmitri Peskov"));
            db.apply(first);
            db.apply(first);
            ResultsBatch newer = new ResultsBatch();
            newer.article(9, article("a1", "Kharkiv", 20));
            db.apply(newer);
            // An older version read again (a replay) is no news.
            db.apply(first);
        }
        assertThat(rows("SELECT id, version FROM articles")).containsExactly("a1|9");
        assertThat(rows("SELECT article_id, count, location FROM casualty_figures")).containsExactly("a1|20|Kharkiv");
        assertThat(rows("SELECT quote FROM statements")).isEmpty();
    }

    @Test
    void aWithdrawnArticleLosesItsRowsAndAVanishedTallyItsRow() throws SQLException {
        try (ResultsDatabase db = ResultsDatabase.open(ResultsDatabase.duckDbUrl(dir), new Properties())) {
            ResultsBatch first = new ResultsBatch();
            first.article(1, article("a1", "Kyiv", 12, "Dmitri Peskov"));
            first.article(2, article("a2", "Kyiv", 5));
            first.casualtyTally("k1", tally(17));
            first.casualtyTally("k2", tally(1));
            db.apply(first);
            ResultsBatch withdrawal = new ResultsBatch();
            withdrawal.withdrawn(5, "a1");
            withdrawal.casualtyTally("k1", tally(5));
            withdrawal.casualtyTally("k2", null);
            db.apply(withdrawal);
        }
        assertThat(rows("SELECT id FROM articles")).containsExactly("a2");
        assertThat(rows("SELECT article_id FROM casualty_figures")).containsExactly("a2");
        assertThat(rows("SELECT article_id FROM statements")).isEmpty();
        assertThat(rows("SELECT tally_key, incident_total FROM casualty_tallies")).containsExactly("k1|5");
    }

    @Test
    void replacingTheTalliesDeletesEveryOtherTally() throws SQLException {
        try (ResultsDatabase db = ResultsDatabase.open(ResultsDatabase.duckDbUrl(dir), new Properties())) {
            ResultsBatch first = new ResultsBatch();
            first.casualtyTally("gone", tally(1));
            first.speakerTally("gone", speaker("Gone", 1));
            db.apply(first);
            ResultsBatch all = new ResultsBatch();
            all.replaceTallies();
            all.casualtyTally("kept", tally(2));
            db.apply(all);
            ResultsBatch again = new ResultsBatch();
            again.replaceTallies();
            again.casualtyTally("kept", tally(3));
            db.apply(again);
        }
        assertThat(rows("SELECT tally_key, incident_total FROM casualty_tallies")).containsExactly("kept|3");
        assertThat(rows("SELECT speaker_key FROM speaker_tallies")).isEmpty();
    }

    @Test
    void anotherIncarnationOfTheTopicStartsTheArticlesAgain() throws SQLException {
        try (ResultsDatabase db = ResultsDatabase.open(ResultsDatabase.duckDbUrl(dir), new Properties())) {
            ResultsBatch first = new ResultsBatch();
            first.article(1, article("a1", "Kyiv", 12));
            first.offsets("articles.enriched", "OLD", Map.of(0, 2L));
            db.apply(first);
            assertThat(db.offsets("articles.enriched", "NEW")).isEmpty();
        }
        assertThat(rows("SELECT id FROM articles")).isEmpty();
        assertThat(rows("SELECT topic FROM frontline_offsets")).isEmpty();
    }

    @Test
    void aNewerSchemaIsLeftAloneWithAClearError() throws SQLException {
        ResultsDatabase.open(ResultsDatabase.duckDbUrl(dir), new Properties()).close();
        execute("INSERT INTO frontline_schema_version VALUES (99, now())");
        assertThatThrownBy(() -> ResultsDatabase.open(ResultsDatabase.duckDbUrl(dir), new Properties()))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("schema version 99");
    }

    @Test
    void anUnsupportedUrlIsRefusedInOneLine() {
        assertThatThrownBy(() -> ResultsDatabase.open("jdbc:mysql://db/x?password=secret", new Properties()))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("unsupported JDBC URL jdbc:mysql://db/x?password=***: Frontline writes to "
                        + "jdbc:duckdb:FILE or jdbc:postgresql://HOST:PORT/DATABASE");
    }

    @Test
    void anUnreachableServerIsAOneLineError() {
        assertThatThrownBy(() -> ResultsDatabase.open("jdbc:postgresql://127.0.0.1:1/frontline", new Properties()))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot open jdbc:postgresql://127.0.0.1:1/frontline: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static EnrichedArticle article(String id, String location, long count, String... speakers) {
        List<org.frontline.avro.Statement> statements = new ArrayList<>();
        for (String speaker : speakers) {
            statements.add(org.frontline.avro.Statement.newBuilder().setSpeaker(speaker).setQuote("We will see.")
                    .build());
        }
        return TestArticles.enriched(TestArticles.article(id).setTitle(null).setBody("text").setPublished("2024-03")
                .build(), "en")
                .setCasualties(List.of(CasualtyFigure.newBuilder().setCount(count).setOutcome("killed")
                        .setVictims("civilians").setParty("UA").setCumulative(false).setApproximate(true)
                        .setLocation(location).setEvidence("at least " + count + " civilians").build()))
                .setStatements(statements).build();
    }

    private static CasualtyTally tally(long total) {
        return CasualtyTally.newBuilder().setOutcome("killed").setVictims("civilians").setParty("UA")
                .setIncidentTotal(total).setReports(1).setArticles(1).build();
    }

    private static SpeakerTally speaker(String name, int statements) {
        return SpeakerTally.newBuilder().setSpeaker(name).setStatements(statements).setArticles(1).build();
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(ResultsDatabase.duckDbUrl(dir));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql + " ORDER BY 1")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ResultsDatabase.duckDbUrl(dir));
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
