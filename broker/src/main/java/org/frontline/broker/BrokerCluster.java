package org.frontline.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of several nodes, each broker and controller in one, each in a JVM of its own on
 * loopback ports fixed when the cluster is created, so that a node can be killed ({@code SIGKILL}) and
 * started again on the same data and ports. Every node runs Kafka's own {@code kafka.Kafka} main on a
 * {@code server.properties} written here.
 *
 * <p>The settings are those of a small production cluster: replication factor 3 for every topic,
 * internal ones included, and {@code min.insync.replicas} 2, so one node can be down without losing a
 * committed record or stopping writes. A node's data and log ({@code broker.log}) are in
 * {@code root/node-N/}.
 */
public final class BrokerCluster implements AutoCloseable {

    /** How long a node is given to start before {@link #start(int)} reports it. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private static final Logger LOG = LoggerFactory.getLogger(BrokerCluster.class);
    private static final String HOST = "127.0.0.1";
    private static final String NODE_HEAP = "-Xmx384m";

    private final Path root;
    private final List<Node> nodes;
    private final String classPath;
    private final Map<Integer, Process> running = new ConcurrentHashMap<>();

    private record Node(int id, int brokerPort, int controllerPort, Path dir) {
        Path config() {
            return dir.resolve("server.properties");
        }
    }

    private BrokerCluster(Path root, List<Node> nodes, String classPath) {
        this.root = root;
        this.nodes = nodes;
        this.classPath = classPath;
    }

    /**
     * Writes and formats a cluster of {@code size} nodes under {@code root} and starts every node.
     *
     * @param root      an empty or missing directory for all the cluster's state
     * @param size      the number of nodes, 3 or more for replication factor 3
     * @param overrides broker settings applied last on every node
     * @return the running cluster, once every node answers clients
     */
    public static BrokerCluster start(Path root, int size, Map<String, String> overrides) {
        if (size < 3) {
            throw new IllegalArgumentException("a cluster with replication factor 3 needs 3 nodes, not " + size);
        }
        List<Node> nodes = IntStream.rangeClosed(1, size)
                .mapToObj(id -> new Node(id, EmbeddedKafkaBroker.freePort(), EmbeddedKafkaBroker.freePort(),
                        root.resolve("node-" + id)))
                .toList();
        String voters = nodes.stream().map(n -> n.id() + "@" + HOST + ":" + n.controllerPort())
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        for (Node node : nodes) {
            writeConfig(node, properties(node, voters, overrides));
            EmbeddedKafkaBroker.format(node.config(), clusterId);
        }
        BrokerCluster cluster = new BrokerCluster(root, nodes, System.getProperty("java.class.path"));
        try {
            nodes.forEach(n -> cluster.launch(n.id()));
            cluster.awaitNodes(size);
            LOG.info("Kafka cluster {} of {} nodes serving on {} (data in {})", clusterId, size,
                    cluster.bootstrapServers(), root);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Every node's client address, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return nodes.stream().map(n -> HOST + ":" + n.brokerPort()).collect(Collectors.joining(","));
    }

    /** The node ids, from 1. */
    public List<Integer> nodeIds() {
        return nodes.stream().map(Node::id).toList();
    }

    /** The directory of all the cluster's state. */
    public Path root() {
        return root;
    }

    /** True when the node's process is running. */
    public boolean isRunning(int nodeId) {
        Process process = running.get(nodeId);
        return process != null && process.isAlive();
    }

    /** Kills the node's process with {@code SIGKILL}, as {@code kill -9} would, and waits until it is gone. */
    public void kill(int nodeId) {
        Process process = running.remove(nodeId);
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new BrokerStartException("node " + nodeId + " did not die after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Killed Kafka node {}", nodeId);
    }

    /** Starts a stopped node on its data and ports, and waits until the cluster counts it again. */
    public void start(int nodeId) {
        if (isRunning(nodeId)) {
            return;
        }
        launch(nodeId);
        awaitNodes((int) nodes.stream().filter(n -> isRunning(n.id())).count());
        LOG.info("Restarted Kafka node {}", nodeId);
    }

    /** Kills every node. The cluster is for tests and trials: its data is not kept for another run. */
    @Override
    public void close() {
        new ArrayList<>(running.keySet()).forEach(this::kill);
    }

    private void launch(int nodeId) {
        Node node = nodes.get(nodeId - 1);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                NODE_HEAP, "-cp", classPath, "kafka.Kafka", node.config().toString());
        try {
            Path log = node.dir().resolve("broker.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            running.put(nodeId, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka node " + nodeId + ": " + e.getMessage(), e);
        }
    }

    /** Waits until the cluster's metadata lists {@code count} live brokers. */
    private void awaitNodes(int count) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                for (Map.Entry<Integer, Process> node : running.entrySet()) {
                    if (!node.getValue().isAlive()) {
                        throw new BrokerStartException("Kafka node " + node.getKey() + " exited with code "
                                + node.getValue().exitValue() + "; see " + nodes.get(node.getKey() - 1).dir()
                                .resolve("broker.log"));
                    }
                }
                try {
                    if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() >= count) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // Not serving yet.
                }
                if (System.nanoTime() > deadline) {
                    throw new BrokerStartException("the Kafka cluster did not list " + count + " brokers within "
                            + STARTUP_TIMEOUT + "; see the broker.log files under " + root);
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while waiting for the Kafka cluster", e);
        }
    }

    static Properties properties(Node node, String voters, Map<String, String> overrides) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(node.id()));
        props.put("controller.quorum.voters", voters);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + node.brokerPort() + ",CONTROLLER://" + HOST + ":"
                + node.controllerPort());
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + node.brokerPort());
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", node.dir().resolve("data").toAbsolutePath().toString());

        // Three copies of everything, two of which must have a record before it is acknowledged.
        props.put("default.replication.factor", "3");
        props.put("min.insync.replicas", "2");
        props.put("offsets.topic.replication.factor", "3");
        props.put("transaction.state.log.replication.factor", "3");
        props.put("transaction.state.log.min.isr", "2");
        props.put("share.coordinator.state.topic.replication.factor", "3");
        props.put("share.coordinator.state.topic.min.isr", "2");
        props.put("unclean.leader.election.enable", "false");
        // Fewer coordinator partitions than Kafka's 50: created in a moment on a small machine.
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.num.partitions", "1");

        props.put("auto.create.topics.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        props.putAll(overrides);
        return props;
    }

    private static void writeConfig(Node node, Properties props) {
        try {
            Files.createDirectories(node.dir());
            try (OutputStream out = Files.newOutputStream(node.config())) {
                props.store(out, "Kafka node " + node.id() + " of a Frontline test cluster");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + node.config(), e);
        }
    }
}
