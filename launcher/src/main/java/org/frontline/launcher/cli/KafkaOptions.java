package org.frontline.launcher.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.frontline.schemas.ClientConfig;

import picocli.CommandLine.Option;

/** Options every command that talks to Kafka takes. */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka cluster to use (else KAFKA_BOOTSTRAP_SERVERS, else bootstrap.servers in --config; "
                    + "`run` starts an embedded broker when none is given).")
    String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Kafka client properties (TLS, SASL, ...) passed to every client; "
                    + "frontline.topic.* names the topics.")
    Path configFile;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Where the embedded broker and the streams state live (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of the topics Frontline creates (default: ${DEFAULT-VALUE}).")
    int partitions;

    /** The client properties from the file, the environment and the flags; bootstrap may be absent. */
    public Properties clientProperties(Map<String, String> env) {
        Map<String, Object> flags = new HashMap<>();
        if (bootstrapServers != null) {
            flags.put("bootstrap.servers", bootstrapServers);
        }
        return ClientConfig.layered(Map.of(), configFile, env, flags);
    }

    public Path dataDir() {
        return dataDir;
    }

    public int partitions() {
        return partitions;
    }
}
