package org.frontline.consumer.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.frontline.avro.CasualtyFigure;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.extract.SpeakerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's results in a database: DuckDB, one file in the output directory, by default; PostgreSQL when a
 * {@code jdbc:postgresql:} URL is given. Creates its tables when missing (see {@code README.md} for them) and
 * records their version in {@code frontline_schema_version}.
 *
 * <p>Each {@link ResultsBatch} is applied in one transaction together with the offsets of
 * {@code articles.enriched} it reaches ({@code frontline_offsets}), so a consumer killed at any point resumes from
 * exactly the last batch committed. Rows of an article are keyed by its id; its {@code version} is the offset of
 * the record in {@code articles.enriched}, and a version no newer than the one stored changes nothing, so
 * applying the same records again leaves the tables as they were. A withdrawal deletes the article's rows.
 * Writes go in bulk: DuckDB's appender, or batched statements on PostgreSQL; an article's earlier rows are found
 * by one query per batch, never one per row.
 */
public final class ResultsDatabase implements AutoCloseable {

    /** The DuckDB file's name in the output directory. */
    public static final String DUCKDB_FILE = "frontline.duckdb";

    private static final Logger LOG = LoggerFactory.getLogger(ResultsDatabase.class);
    private static final String DUCKDB = "jdbc:duckdb:";
    private static final String POSTGRESQL = "jdbc:postgresql:";
    // Keeps IN lists well under every driver's limit on parameters.
    private static final int CHUNK = 1000;

    private final Connection connection;
    private final String name;
    private final boolean duckdb;

    private ResultsDatabase(Connection connection, String name, boolean duckdb) throws SQLException {
        this.connection = connection;
        this.name = name;
        this.duckdb = duckdb;
        connection.setAutoCommit(false);
        createTables();
        if (duckdb) {
            // Upserts go through staging tables, filled by the appender: one statement for a batch's rows.
            try (Statement statement = connection.createStatement()) {
                for (String table : List.of(Schema.CASUALTY_TALLIES, Schema.SPEAKER_TALLIES, Schema.OFFSETS)) {
                    statement.execute("CREATE TEMP TABLE stage_" + table + " AS SELECT * FROM " + table + " LIMIT 0");
                }
            }
            connection.commit();
        }
    }

    /** The URL of the DuckDB file in {@code out}. */
    public static String duckDbUrl(Path out) {
        return DUCKDB + out.resolve(DUCKDB_FILE).toAbsolutePath().normalize();
    }

    /**
     * Opens the database at {@code url} ({@code jdbc:duckdb:FILE} or {@code jdbc:postgresql://...}) with the
     * driver properties {@code properties} (user, password, ...), creating the tables when missing.
     *
     * @throws DatabaseException with a one-line reason when it cannot be opened, or holds tables of a newer
     *                           schema version
     */
    public static ResultsDatabase open(String url, Properties properties) {
        boolean duckdb = url.startsWith(DUCKDB);
        if (!duckdb && !url.startsWith(POSTGRESQL)) {
            throw new DatabaseException("unsupported JDBC URL " + redacted(url) + ": Frontline writes to "
                    + "jdbc:duckdb:FILE or jdbc:postgresql://HOST:PORT/DATABASE");
        }
        Properties props = new Properties();
        props.putAll(properties);
        if (duckdb) {
            createParent(url.substring(DUCKDB.length()));
        } else {
            // One multi-row INSERT per batch instead of one statement a row.
            props.putIfAbsent("reWriteBatchedInserts", "true");
            props.putIfAbsent("connectTimeout", "10");
            props.putIfAbsent("ApplicationName", "frontline consume");
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw new DatabaseException("cannot open " + redacted(url) + ": " + oneLine(e), e);
        }
        try {
            return new ResultsDatabase(connection, redacted(url), duckdb);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof DatabaseException d) {
                throw d;
            }
            throw new DatabaseException("cannot set up the tables in " + redacted(url) + ": " + oneLine(e), e);
        }
    }

    private static void createParent(String file) {
        if (file.isEmpty() || file.startsWith(":memory:")) {
            return;
        }
        Path parent = Path.of(file.replaceFirst("\\?.*$", "")).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new DatabaseException("cannot create " + parent + " for the database: " + e.getMessage(), e);
        }
    }

    private void createTables() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(Schema.VERSION_TABLE);
            Integer version = null;
            try (ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM frontline_schema_version")) {
                if (rs.next()) {
                    int v = rs.getInt(1);
                    version = rs.wasNull() ? null : v;
                }
            }
            if (version != null && version > Schema.VERSION) {
                connection.rollback();
                throw new DatabaseException(name + " holds Frontline tables of schema version " + version
                        + "; this release writes version " + Schema.VERSION + ": use a newer Frontline or another "
                        + "database");
            }
            for (String table : Schema.TABLES) {
                statement.execute(table);
            }
            if (version == null) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO frontline_schema_version (version, applied_at) VALUES (?, ?)")) {
                    insert.setInt(1, Schema.VERSION);
                    insert.setObject(2, LocalDateTime.now(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
            }
        }
        connection.commit();
    }

    /** The database, for messages: its URL without any password in it. */
    public String name() {
        return name;
    }

    /**
     * The next offset of each partition of {@code topic} stored with the rows, or none when the database has
     * none or holds rows of another incarnation of the topic (another {@code topicId}): those rows are then
     * deleted, so that the topic is read again from its beginning.
     */
    public Map<Integer, Long> offsets(String topic, String topicId) {
        Map<Integer, Long> offsets = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT partition_no, next_offset, topic_id FROM frontline_offsets WHERE topic = ?")) {
            select.setString(1, topic);
            String other = null;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                    if (!rs.getString(3).equals(topicId)) {
                        other = rs.getString(3);
                    }
                }
            }
            connection.commit();
            if (other != null) {
                LOG.warn("{} holds the articles of {} with topic id {}, not {}: deleting them to read the topic "
                        + "again from its beginning", name, topic, other, topicId);
                try (Statement statement = connection.createStatement()) {
                    for (String table : Schema.ARTICLE_TABLES) {
                        statement.executeUpdate("DELETE FROM " + table);
                    }
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM frontline_offsets WHERE topic = ?")) {
                    delete.setString(1, topic);
                    delete.executeUpdate();
                }
                connection.commit();
                return Map.of();
            }
            return offsets;
        } catch (SQLException e) {
            rollback(e);
            throw new DatabaseException("cannot read the offsets in " + name + ": " + oneLine(e), e);
        }
    }

    /** Applies {@code batch} in one transaction: its articles, its tallies, then its offsets. */
    public void apply(ResultsBatch batch) {
        try {
            applyArticles(batch);
            applyTallies(batch);
            if (batch.topic != null) {
                List<Object[]> offsets = new ArrayList<>();
                batch.offsets.forEach((partition, next) -> offsets.add(new Object[] {batch.topic, partition,
                    batch.topicId, next}));
                upsert(Schema.OFFSETS, List.of("topic", "partition_no", "topic_id", "next_offset"), 2, offsets);
            }
            connection.commit();
        } catch (SQLException e) {
            rollback(e);
            throw new DatabaseException("cannot write to " + name + ": " + oneLine(e), e);
        }
    }

    private void applyArticles(ResultsBatch batch) throws SQLException {
        if (batch.articles.isEmpty()) {
            return;
        }
        Map<String, Long> stored = storedVersions(new ArrayList<>(batch.articles.keySet()));
        List<String> replaced = new ArrayList<>();
        List<Object[]> articles = new ArrayList<>();
        List<Object[]> figures = new ArrayList<>();
        List<Object[]> statements = new ArrayList<>();
        for (ResultsBatch.Change change : batch.articles.values()) {
            Long version = stored.get(change.id());
            if (version != null && version >= change.version()) {
                continue;
            }
            if (version != null) {
                replaced.add(change.id());
            }
            if (change.article() != null) {
                rows(change, articles, figures, statements);
            }
        }
        for (String table : Schema.ARTICLE_TABLES) {
            deleteKeys(table, table.equals(Schema.ARTICLES) ? "id" : "article_id", replaced);
        }
        insert(Schema.ARTICLES, Schema.ARTICLE_COLUMNS, articles);
        insert(Schema.FIGURES, Schema.FIGURE_COLUMNS, figures);
        insert(Schema.STATEMENTS, Schema.STATEMENT_COLUMNS, statements);
    }

    private static void rows(ResultsBatch.Change change, List<Object[]> articles, List<Object[]> figures,
                             List<Object[]> statements) {
        EnrichedArticle enriched = change.article();
        var article = enriched.getArticle();
        String id = change.id();
        long version = change.version();
        articles.add(new Object[] {id, version, article.getSource(), article.getUrl(), article.getTitle(),
            enriched.getLanguage(), article.getPublished(), article.getIngestedAt(), enriched.getEnrichedAt()});
        int ordinal = 0;
        for (CasualtyFigure f : enriched.getCasualties()) {
            // Offsets (in the article's full text: title, blank line, body) and the rule: null in records
            // written before EnrichedArticle v2.
            figures.add(new Object[] {id, ordinal++, version, f.getCount(), f.getOutcome(), f.getVictims(),
                f.getParty(), f.getCumulative(), f.getApproximate(), f.getLocation(), f.getEvidence(), f.getStart(),
                f.getEnd(), f.getRule()});
        }
        ordinal = 0;
        for (org.frontline.avro.Statement s : enriched.getStatements()) {
            statements.add(new Object[] {id, ordinal++, version, s.getSpeaker(),
                SpeakerNames.canonicalKey(s.getSpeaker()), s.getQuote(), s.getStart(), s.getEnd(), s.getSieve()});
        }
    }

    private Map<String, Long> storedVersions(List<String> ids) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, version FROM articles WHERE id IN (" + placeholders(chunk.size()) + ")")) {
                bind(select, chunk);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        versions.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return versions;
    }

    /** Every key of a tally table: as many as there are tallies, never one per article. */
    private List<String> storedKeys(String sql) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    private void deleteKeys(String table, String column, List<String> ids) throws SQLException {
        for (List<String> chunk : chunks(ids)) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE " + column + " IN (" + placeholders(chunk.size()) + ")")) {
                bind(delete, chunk);
                delete.executeUpdate();
            }
        }
    }

    private void applyTallies(ResultsBatch batch) throws SQLException {
        if (batch.replaceTallies) {
            // Only the rows of tallies gone: DuckDB does not let a row deleted in a transaction be upserted again.
            for (String key : storedKeys("SELECT tally_key FROM casualty_tallies")) {
                batch.casualtyTallies.putIfAbsent(key, null);
            }
            for (String key : storedKeys("SELECT speaker_key FROM speaker_tallies")) {
                batch.speakerTallies.putIfAbsent(key, null);
            }
        }
        List<String> gone = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, CasualtyTally> e : batch.casualtyTallies.entrySet()) {
            CasualtyTally t = e.getValue();
            if (t == null) {
                gone.add(e.getKey());
            } else {
                rows.add(new Object[] {e.getKey(), t.getOutcome(), t.getVictims(), t.getParty(), t.getIncidentTotal(),
                    t.getLatestCumulative(), t.getLatestCumulativeArticle(), t.getLatestCumulativePublished(),
                    t.getLatestCumulativeTitle(), t.getReports(), t.getArticles()});
            }
        }
        deleteKeys(Schema.CASUALTY_TALLIES, "tally_key", gone);
        upsert(Schema.CASUALTY_TALLIES, Schema.CASUALTY_TALLY_COLUMNS, 1, rows);
        gone.clear();
        rows.clear();
        for (Map.Entry<String, SpeakerTally> e : batch.speakerTallies.entrySet()) {
            SpeakerTally t = e.getValue();
            if (t == null) {
                gone.add(e.getKey());
            } else {
                rows.add(new Object[] {e.getKey(), t.getSpeaker(), t.getStatements(), t.getArticles(),
                    t.getFirstPublished(), t.getLastPublished(), t.getLatestQuote()});
            }
        }
        deleteKeys(Schema.SPEAKER_TALLIES, "speaker_key", gone);
        upsert(Schema.SPEAKER_TALLIES, Schema.SPEAKER_TALLY_COLUMNS, 1, rows);
    }

    /**
     * Inserts or updates {@code rows}, whose first {@code keyColumns} values are the key, with
     * {@code INSERT ... ON CONFLICT DO UPDATE}: on DuckDB from a staging table the appender fills (a JDBC batch
     * there runs one statement a row, and a statement of many rows takes long to plan), on PostgreSQL as
     * statements of many rows each.
     */
    private void upsert(String table, List<String> columns, int keyColumns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (duckdb) {
            append("temp", "stage_" + table, rows);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO " + table + " SELECT * FROM stage_" + table
                        + onConflict(columns, keyColumns));
                statement.executeUpdate("DELETE FROM stage_" + table);
            }
            return;
        }
        int perStatement = Math.max(1, CHUNK / columns.size());
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            try (PreparedStatement upsert = connection.prepareStatement(upsert(table, columns, keyColumns,
                    chunk.size()))) {
                int i = 0;
                for (Object[] row : chunk) {
                    for (Object value : row) {
                        setValue(upsert, ++i, value);
                    }
                }
                upsert.executeUpdate();
            }
        }
    }

    /** Appends {@code rows} to {@code table}: DuckDB's appender, else one batched INSERT. */
    private void insert(String table, List<String> columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (duckdb) {
            append(null, table, rows);
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " ("
                + String.join(", ", columns) + ") VALUES (" + placeholders(columns.size()) + ")")) {
            for (Object[] row : rows) {
                set(insert, row);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Appends {@code rows} to a table of DuckDB's {@code catalog} (null: the database's own). */
    private void append(String catalog, String table, List<Object[]> rows) throws SQLException {
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender appender = catalog == null ? duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)
                : duck.createAppender(catalog, DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (Object[] row : rows) {
                appender.beginRow();
                for (Object value : row) {
                    append(appender, value);
                }
                appender.endRow();
            }
            appender.flush();
        }
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String s) {
            appender.append(s);
        } else if (value instanceof Long l) {
            appender.append(l.longValue());
        } else if (value instanceof Integer i) {
            appender.append(i.intValue());
        } else if (value instanceof Boolean b) {
            appender.append(b.booleanValue());
        } else if (value instanceof Instant t) {
            appender.appendEpochMicros(Math.multiplyExact(t.toEpochMilli(), 1000L));
        } else {
            throw new IllegalArgumentException("no column type for " + value.getClass());
        }
    }

    private static void set(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            setValue(statement, i + 1, values[i]);
        }
    }

    private static void setValue(PreparedStatement statement, int index, Object value) throws SQLException {
        // TIMESTAMP columns hold UTC, whatever the JVM's time zone.
        statement.setObject(index, value instanceof Instant t ? LocalDateTime.ofInstant(t, ZoneOffset.UTC) : value);
    }

    private static String upsert(String table, List<String> columns, int keyColumns, int rows) {
        String row = "(" + placeholders(columns.size()) + ")";
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, row)) + onConflict(columns, keyColumns);
    }

    private static String onConflict(List<String> columns, int keyColumns) {
        List<String> updates = new ArrayList<>();
        for (String column : columns.subList(keyColumns, columns.size())) {
            updates.add(column + " = excluded." + column);
        }
        return " ON CONFLICT (" + String.join(", ", columns.subList(0, keyColumns)) + ") DO UPDATE SET "
                + String.join(", ", updates);
    }

    private static void bind(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += CHUNK) {
            chunks.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
        }
        return chunks;
    }

    private void rollback(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A JDBC URL without the value of any {@code password} parameter. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing {}: {}", name, oneLine(e));
        }
    }
}
