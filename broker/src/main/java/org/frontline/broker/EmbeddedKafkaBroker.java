package org.frontline.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker, broker and KRaft controller in one, running in this JVM.
 *
 * <p>All state lives under one data directory: topic data in {@code data/}, Kafka's own log in
 * {@code logs/server.log}, and the configuration of the current run in {@code server.properties}.
 * The directory is formatted on the first start only, so a later start on the same directory
 * keeps the cluster id, the topics and their records. Each start listens on new free loopback
 * ports; ask {@link #bootstrapServers()} for them.
 *
 * <p>The settings suit one node: replication factor 1 for the internal topics, so transactions
 * and exactly-once processing work; no automatic topic creation; one partition by default.
 *
 * <p>{@code start} returns once a client can reach the broker; {@link #close()} shuts it down
 * and waits. The caller owns the instance: a command that runs until interrupted should close
 * it from a shutdown hook.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** How long {@code start} waits for the broker to serve before it gives up. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    static final int NODE_ID = 1;
    static final String DATA_DIR = "data";
    static final String LOG_FILE = "logs/server.log";
    static final String CONFIG_FILE = "server.properties";
    static final String LOCK_FILE = "broker.lock";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final int BIND_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String clusterId;
    private final BrokerLogFile logFile;
    private final FileChannel lock;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, String clusterId,
                                BrokerLogFile logFile, FileChannel lock) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
        this.logFile = logFile;
        this.lock = lock;
    }

    /**
     * Starts a broker on {@code dataDir}, formatting it first if it holds no broker yet.
     *
     * @param dataDir the directory of all broker state; created if missing
     * @return the running broker
     * @throws BrokerStartException if the broker does not serve within {@link #STARTUP_TIMEOUT}
     */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /**
     * Starts a broker on {@code dataDir} with broker settings that replace or add to the defaults.
     *
     * @param dataDir   the directory of all broker state; created if missing
     * @param overrides Kafka broker properties, applied last
     * @return the running broker
     * @throws BrokerStartException if the broker does not serve within {@link #STARTUP_TIMEOUT}
     */
    public static EmbeddedKafkaBroker start(Path dataDir, Map<String, String> overrides) {
        return start(dataDir, overrides, null);
    }

    /**
     * Starts a broker whose client listener is secured ({@link BrokerSecurity}): SASL_SSL, SCRAM-SHA-512 and
     * ACLs. {@link #bootstrapServers()} then names that listener; clients need
     * {@link BrokerSecurity#clientProperties} to reach it.
     *
     * @param security the listener's stores and super-user, or null for a plain-text listener
     */
    public static EmbeddedKafkaBroker start(Path dataDir, Map<String, String> overrides, BrokerSecurity security) {
        long began = System.nanoTime();
        Path root = dataDir.toAbsolutePath().normalize();
        Path logDir = root.resolve(DATA_DIR);
        // Kafka does not stop a second controller from opening the same metadata log, so we do.
        FileChannel lock = lockDataDir(root);
        BrokerLogFile logFile = BrokerLogFile.attach(root.resolve(LOG_FILE));
        try {
            String clusterId = readClusterId(logDir);
            // Ports are free when picked but can be taken before the broker binds them, so retry.
            for (int attempt = 1; ; attempt++) {
                int brokerPort = freePort();
                Properties props = brokerProperties(logDir, brokerPort, freePort(), overrides, security);
                writeConfig(root.resolve(CONFIG_FILE), props);
                if (clusterId == null) {
                    clusterId = format(root.resolve(CONFIG_FILE), security);
                }
                String bootstrapServers = HOST + ":" + brokerPort;
                try {
                    KafkaRaftServer server = launch(props, bootstrapServers, logFile.path(),
                            security == null ? Map.of() : security.superUserClientProperties());
                    LOG.info("Kafka broker serving on {} after {} ms (cluster {}, data in {})",
                            bootstrapServers, elapsedMillis(began), clusterId, root);
                    return new EmbeddedKafkaBroker(server, bootstrapServers, clusterId, logFile, lock);
                } catch (BrokerStartException e) {
                    if (attempt == BIND_ATTEMPTS || !causedByBindFailure(e)) {
                        throw e;
                    }
                    LOG.info("Port taken before the broker bound it, retrying with new ports");
                }
            }
        } catch (RuntimeException e) {
            logFile.close();
            closeQuietly(lock);
            throw e;
        }
    }

    /** The {@code bootstrap.servers} value for clients of this broker. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The cluster id, fixed when the data directory was formatted. */
    public String clusterId() {
        return clusterId;
    }

    /** Shuts the broker down and waits until it has stopped; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long began = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
            LOG.info("Kafka broker stopped in {} ms", elapsedMillis(began));
        } finally {
            logFile.close();
            closeQuietly(lock);
        }
    }

    private static KafkaRaftServer launch(Properties props, String bootstrapServers, Path logFile,
                                          Map<String, String> clientProperties) {
        long began = System.nanoTime();
        KafkaRaftServer server = null;
        try {
            server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
            server.startup();
            awaitServing(bootstrapServers, clientProperties, began);
        } catch (RuntimeException e) {
            if (server != null) {
                shutDownQuietly(server);
            }
            throw new BrokerStartException("Kafka broker did not start on " + bootstrapServers
                    + "; see " + logFile + " for the broker's log", e);
        }
        return server;
    }

    /** Locks the data directory for this broker; closing the returned channel releases it. */
    private static FileChannel lockDataDir(Path root) {
        Path lockFile = root.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + lockFile, e);
        }
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // Held by a broker in this JVM: same answer as for another process.
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + lockFile, e);
        }
        closeQuietly(channel);
        throw new BrokerStartException("Another Kafka broker is using " + root);
    }

    static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort,
                                       Map<String, String> overrides) {
        return brokerProperties(logDir, brokerPort, controllerPort, overrides, null);
    }

    static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort,
                                       Map<String, String> overrides, BrokerSecurity security) {
        String listener = security == null ? BROKER_LISTENER : BrokerSecurity.LISTENER;
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", listener + "://" + HOST + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", listener + "://" + HOST + ":" + brokerPort);
        props.put("listener.security.protocol.map",
                listener + ":" + listener + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", listener);
        props.put("log.dirs", logDir.toString());
        props.put("server.max.startup.time.ms", String.valueOf(STARTUP_TIMEOUT.toMillis()));

        // One replica of everything, so transactions and exactly-once work on a single node.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // Internal topics with one partition are created in a moment; the default 50 take seconds.
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");

        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner allocates this buffer up front; Kafka's 128 MiB is sized for a dedicated server.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));

        if (security != null) {
            props.putAll(security.brokerProperties());
        }
        props.putAll(overrides);
        return props;
    }

    private static void awaitServing(String bootstrapServers, Map<String, String> clientProperties, long began) {
        long remainingMs = STARTUP_TIMEOUT.toMillis() - elapsedMillis(began);
        if (remainingMs <= 0) {
            throw new BrokerStartException("Kafka broker took longer than " + STARTUP_TIMEOUT + " to start");
        }
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) remainingMs);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(remainingMs, 10_000));
        try (Admin admin = Admin.create(config)) {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) remainingMs))
                    .nodes().get(remainingMs, TimeUnit.MILLISECONDS).size();
            if (nodes == 0) {
                throw new BrokerStartException("Kafka broker reports no nodes in its cluster");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerStartException("Kafka broker does not answer clients on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    /** Formats the storage with a new cluster id and returns that id. */
    private static String format(Path configFile, BrokerSecurity security) {
        String clusterId = Uuid.randomUuid().toString();
        format(configFile, clusterId, security);
        LOG.info("Formatted Kafka storage for new cluster {}", clusterId);
        return clusterId;
    }

    /** Formats the storage of the node configured in {@code configFile} for the cluster {@code clusterId}. */
    static void format(Path configFile, String clusterId) {
        format(configFile, clusterId, null);
    }

    /**
     * Formats the storage for the cluster {@code clusterId}; with {@code security}, the super-user's SCRAM
     * credential is written too.
     */
    static void format(Path configFile, String clusterId, BrokerSecurity security) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("format", "--config", configFile.toString(),
                "--cluster-id", clusterId));
        if (security != null) {
            // The broker authenticates to itself before any Admin call could create its credential.
            args.addAll(List.of("--add-scram", security.scramCredential()));
        }
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(args.toArray(String[]::new), out);
        } catch (RuntimeException e) {
            throw new BrokerStartException("Formatting Kafka storage failed: "
                    + output.toString(StandardCharsets.UTF_8).strip(), e);
        }
        if (status != 0) {
            throw new BrokerStartException("Formatting Kafka storage failed (status " + status + "): "
                    + output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /** The cluster id stored in {@code meta.properties}, or null if the directory is not formatted. */
    static String readClusterId(Path logDir) {
        Path meta = logDir.resolve("meta.properties");
        if (!Files.exists(meta)) {
            return null;
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + meta, e);
        }
        String clusterId = props.getProperty("cluster.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new BrokerStartException(meta + " has no cluster.id; the data directory is damaged");
        }
        return clusterId;
    }

    private static void writeConfig(Path file, Properties props) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "Written by Frontline at each broker start; edits are overwritten");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void shutDownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker failed to shut down after a failed start", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Cannot release the broker's data directory lock", e);
        }
    }

    private static long elapsedMillis(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
    }
}
