package org.frontline.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test: Debian's binaries ({@code postgresql} package), a cluster made with
 * {@code initdb} in a fresh temporary directory, started with {@code pg_ctl} on a free loopback port, trust
 * authentication for user {@value #USER}. PostgreSQL refuses to run as root, so as root it runs as
 * {@code nobody}. Without the binaries it fails with what to install: a test that needs it never skips.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "frontline";
    private static final String RUN_AS = "nobody";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean root;

    private PostgresServer(Path bin, Path dir, int port, boolean root) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.root = root;
    }

    /** Initialises and starts a new server; fails when PostgreSQL is not installed. */
    static PostgresServer start() throws Exception {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("frontline-postgres-");
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            view.setOwner(users.lookupPrincipalByName(RUN_AS));
            GroupPrincipal group = users.lookupPrincipalByGroupName("nogroup");
            view.setGroup(group);
        }
        PostgresServer server = new PostgresServer(bin, dir, freePort(), root);
        try {
            server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                    "--auth=trust", "--encoding=UTF8", "--locale=C"));
            server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w",
                    "-t", "60", "-l", dir.resolve("postgres.log").toString(), "-o",
                    "-p " + server.port + " -h 127.0.0.1 -k " + dir, "start"));
            return server;
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    private static Path binaries() throws IOException {
        String configured = System.getProperty("postgres.bin");
        if (configured != null) {
            return Path.of(configured);
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin").resolve("initdb")))
                        .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString()
                                .replaceAll("\\D", "0")))).orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        throw new IllegalStateException("PostgreSQL's server binaries are not installed (no "
                + "/usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, or give -Dpostgres.bin=DIR");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void run(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", RUN_AS, "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("frontline-postgres-", ".txt");
        try {
            Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                Path log = dir.resolve("postgres.log");
                throw new IllegalStateException(String.join(" ", full) + " failed (" + process.exitValue() + "): "
                        + Files.readString(output) + (Files.isReadable(log) ? Files.readString(log) : ""));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The JDBC URL of database {@code postgres}. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** The port it listens on. */
    int port() {
        return port;
    }

    /** Driver properties to connect with. */
    static Properties credentials() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        return props;
    }

    /** A new connection to it. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), credentials());
    }

    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m",
                        "immediate", "-w", "stop"));
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
