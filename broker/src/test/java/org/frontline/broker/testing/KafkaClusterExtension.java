package org.frontline.broker.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.frontline.broker.BrokerCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The three-broker sibling of {@link KafkaBrokerExtension}: a {@link BrokerCluster} of three KRaft nodes,
 * each a JVM of its own, on a fresh temporary directory, for tests that kill and restart brokers. It serves
 * the whole test class, so register it in a {@code static} field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
 * ...
 * KAFKA.cluster().kill(2);
 * }</pre>
 */
public final class KafkaClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private static final int NODES = 3;

    private final Map<String, String> overrides;
    private BrokerCluster cluster;
    private Path dataDir;

    /** Three nodes with {@link BrokerCluster}'s settings. */
    public KafkaClusterExtension() {
        this(Map.of());
    }

    /** Three nodes with broker settings that replace or add to {@link BrokerCluster}'s. */
    public KafkaClusterExtension(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** The running cluster: its addresses, and its nodes to kill and restart. */
    public BrokerCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("The cluster runs only inside a test class; register the extension "
                    + "with @RegisterExtension in a static field");
        }
        return cluster;
    }

    /** The {@code bootstrap.servers} value for clients of the cluster. */
    public String bootstrapServers() {
        return cluster().bootstrapServers();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("frontline-kafka-cluster-");
        try {
            cluster = BrokerCluster.start(dataDir, NODES, overrides);
        } catch (RuntimeException e) {
            KafkaBrokerExtension.deleteRecursively(dataDir);
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } finally {
            cluster = null;
            KafkaBrokerExtension.deleteRecursively(dataDir);
        }
    }
}
