package org.frontline.launcher.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.frontline.consumer.db.DatabaseException;
import org.frontline.consumer.db.ResultsDatabase;

import picocli.CommandLine.Option;

/** Where the consumer keeps its results database: DuckDB in the output directory unless told otherwise. */
public final class DatabaseOptions {

    /** The environment variables holding the database user and password. */
    public static final String USER_ENV = "FRONTLINE_JDBC_USER";
    public static final String PASSWORD_ENV = "FRONTLINE_JDBC_PASSWORD";

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "The results database: jdbc:postgresql://HOST:PORT/DATABASE for a shared server, or "
                    + "jdbc:duckdb:FILE (default: --out/" + ResultsDatabase.DUCKDB_FILE + "). User and password from "
                    + USER_ENV + " and " + PASSWORD_ENV + ", or --jdbc-properties.")
    String jdbcUrl;

    @Option(names = "--jdbc-properties", paramLabel = "FILE",
            description = "JDBC driver properties (user, password, ssl, ...) for --jdbc-url; " + USER_ENV + " and "
                    + PASSWORD_ENV + " override user and password.")
    Path jdbcProperties;

    @Option(names = "--no-database", description = "Write the files only, no results database.")
    boolean noDatabase;

    /** Opens the database the options name, or returns null with --no-database. */
    public ResultsDatabase open(Path out, Map<String, String> env) {
        if (noDatabase) {
            if (jdbcUrl != null) {
                throw new DatabaseException("--no-database and --jdbc-url contradict each other");
            }
            return null;
        }
        return ResultsDatabase.open(jdbcUrl != null ? jdbcUrl : ResultsDatabase.duckDbUrl(out), properties(env));
    }

    Properties properties(Map<String, String> env) {
        Properties props = new Properties();
        if (jdbcProperties != null) {
            try (Reader reader = Files.newBufferedReader(jdbcProperties)) {
                props.load(reader);
            } catch (IOException e) {
                throw new DatabaseException("cannot read --jdbc-properties " + jdbcProperties + ": " + e, e);
            }
        }
        if (env.get(USER_ENV) != null) {
            props.setProperty("user", env.get(USER_ENV));
        }
        if (env.get(PASSWORD_ENV) != null) {
            props.setProperty("password", env.get(PASSWORD_ENV));
        }
        return props;
    }
}
