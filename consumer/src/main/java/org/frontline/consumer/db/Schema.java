package org.frontline.consumer.db;

import java.util.List;

/**
 * The tables of the results database, in SQL that DuckDB and PostgreSQL both take. Version 1; a later
 * release that changes them adds its migration here and a row to {@code frontline_schema_version}.
 */
final class Schema {

    /** The version these tables are. */
    static final int VERSION = 1;

    static final String VERSION_TABLE = "CREATE TABLE IF NOT EXISTS frontline_schema_version ("
            + "version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)";

    static final String ARTICLES = "articles";
    static final String FIGURES = "casualty_figures";
    static final String STATEMENTS = "statements";
    static final String CASUALTY_TALLIES = "casualty_tallies";
    static final String SPEAKER_TALLIES = "speaker_tallies";
    static final String OFFSETS = "frontline_offsets";

    static final List<String> ARTICLE_COLUMNS = List.of("id", "version", "source", "url", "title", "language",
            "published", "ingested", "enriched");
    static final List<String> FIGURE_COLUMNS = List.of("article_id", "ordinal", "version", "count", "outcome",
            "victims", "party", "cumulative", "approximate", "location", "evidence", "start_offset", "end_offset",
            "rule");
    static final List<String> STATEMENT_COLUMNS = List.of("article_id", "ordinal", "version", "speaker",
            "speaker_key", "quote", "start_offset", "end_offset", "rule");
    static final List<String> CASUALTY_TALLY_COLUMNS = List.of("tally_key", "outcome", "victims", "party",
            "incident_total", "latest_cumulative", "latest_cumulative_article", "latest_cumulative_published",
            "latest_cumulative_title", "reports", "articles");
    static final List<String> SPEAKER_TALLY_COLUMNS = List.of("speaker_key", "speaker", "statements", "articles",
            "first_published", "last_published", "latest_quote");

    static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS articles ("
                    + "id VARCHAR PRIMARY KEY, version BIGINT NOT NULL, source VARCHAR NOT NULL, url VARCHAR, "
                    + "title VARCHAR, language VARCHAR NOT NULL, published VARCHAR, ingested TIMESTAMP NOT NULL, "
                    + "enriched TIMESTAMP NOT NULL)",
            "CREATE TABLE IF NOT EXISTS casualty_figures ("
                    + "article_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL, version BIGINT NOT NULL, "
                    + "count BIGINT NOT NULL, outcome VARCHAR NOT NULL, victims VARCHAR NOT NULL, party VARCHAR, "
                    + "cumulative BOOLEAN NOT NULL, approximate BOOLEAN NOT NULL, location VARCHAR, "
                    + "evidence VARCHAR NOT NULL, start_offset INTEGER, end_offset INTEGER, rule VARCHAR, "
                    + "PRIMARY KEY (article_id, ordinal))",
            "CREATE TABLE IF NOT EXISTS statements ("
                    + "article_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL, version BIGINT NOT NULL, "
                    + "speaker VARCHAR NOT NULL, speaker_key VARCHAR NOT NULL, quote VARCHAR NOT NULL, "
                    + "start_offset INTEGER, end_offset INTEGER, rule VARCHAR, PRIMARY KEY (article_id, ordinal))",
            "CREATE TABLE IF NOT EXISTS casualty_tallies ("
                    + "tally_key VARCHAR PRIMARY KEY, outcome VARCHAR NOT NULL, victims VARCHAR NOT NULL, "
                    + "party VARCHAR, incident_total BIGINT NOT NULL, latest_cumulative BIGINT, "
                    + "latest_cumulative_article VARCHAR, latest_cumulative_published VARCHAR, "
                    + "latest_cumulative_title VARCHAR, reports INTEGER NOT NULL, articles INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS speaker_tallies ("
                    + "speaker_key VARCHAR PRIMARY KEY, speaker VARCHAR NOT NULL, statements INTEGER NOT NULL, "
                    + "articles INTEGER NOT NULL, first_published VARCHAR, last_published VARCHAR, "
                    + "latest_quote VARCHAR)",
            "CREATE TABLE IF NOT EXISTS frontline_offsets ("
                    + "topic VARCHAR NOT NULL, partition_no INTEGER NOT NULL, topic_id VARCHAR NOT NULL, "
                    + "next_offset BIGINT NOT NULL, PRIMARY KEY (topic, partition_no))");

    /** Tables whose rows come from {@code articles.enriched}, children first. */
    static final List<String> ARTICLE_TABLES = List.of(FIGURES, STATEMENTS, ARTICLES);

    private Schema() {
    }
}
