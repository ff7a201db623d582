package org.frontline.launcher;

import java.nio.file.Path;
import java.util.Properties;

import org.frontline.broker.EmbeddedKafkaBroker;

/**
 * The Kafka cluster a command works against: the one configured, or else a real single-node KRaft
 * broker started in this process with its data under {@code DATA/kafka}.
 */
public final class Cluster implements AutoCloseable {

    private final Properties clientProperties;
    private final EmbeddedKafkaBroker broker;

    private Cluster(Properties clientProperties, EmbeddedKafkaBroker broker) {
        this.clientProperties = clientProperties;
        this.broker = broker;
    }

    /** Uses {@code bootstrap.servers} when set; otherwise starts the embedded broker. */
    public static Cluster connect(Properties clientProperties, Path dataDir) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        if (props.getProperty("bootstrap.servers", "").isBlank()) {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"));
            props.put("bootstrap.servers", broker.bootstrapServers());
            return new Cluster(props, broker);
        }
        return new Cluster(props, null);
    }

    /** Client properties with {@code bootstrap.servers} set. */
    public Properties clientProperties() {
        Properties copy = new Properties();
        copy.putAll(clientProperties);
        return copy;
    }

    /** True when this process runs the broker. */
    public boolean embedded() {
        return broker != null;
    }

    public String bootstrapServers() {
        return clientProperties.getProperty("bootstrap.servers");
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
