package org.frontline.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Every row of the consumer's results tables, for comparing two databases and checking them against gold. */
final class DatabaseTables {

    /** Each table with the columns compared; the schema version's time of application differs by nature. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("articles", "*");
        TABLES.put("casualty_figures", "*");
        TABLES.put("statements", "*");
        TABLES.put("casualty_tallies", "*");
        TABLES.put("speaker_tallies", "*");
        TABLES.put("frontline_offsets", "*");
        TABLES.put("frontline_schema_version", "version");
    }

    private DatabaseTables() {
    }

    /** Every table's rows, each as its values joined by {@code |}, sorted. */
    static Map<String, List<String>> dump(String url, Properties props) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, props)) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                tables.put(table.getKey(), rows(connection, "SELECT " + table.getValue() + " FROM " + table.getKey()));
            }
        }
        return tables;
    }

    /** The rows a query returns, each as its values joined by {@code |}, sorted. */
    static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getObject(i));
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    /** The rows of {@code sql} on the database at {@code url}. */
    static List<String> rows(String url, Properties props, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, props)) {
            return rows(connection, sql);
        }
    }
}
