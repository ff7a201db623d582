package org.frontline.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void brokerPropertiesAreAValidSingleNodeConfiguration() {
        KafkaConfig config = KafkaConfig.fromProps(
                EmbeddedKafkaBroker.brokerProperties(dataDir, 9092, 9093, Map.of()));

        assertThat(config.nodeId()).isEqualTo(EmbeddedKafkaBroker.NODE_ID);
        assertThat(config.autoCreateTopicsEnable()).isFalse();
        assertThat(config.logDirs()).containsExactly(dataDir.toString());
    }

    @Test
    void overridesReplaceDefaults() {
        var props = EmbeddedKafkaBroker.brokerProperties(
                dataDir, 9092, 9093, Map.of("num.partitions", "3", "log.retention.ms", "-1"));

        assertThat(props.getProperty("num.partitions")).isEqualTo("3");
        assertThat(props.getProperty("log.retention.ms")).isEqualTo("-1");
        assertThat(props.getProperty("auto.create.topics.enable")).isEqualTo("false");
    }

    @Test
    void unformattedDirectoryHasNoClusterId() {
        assertThat(EmbeddedKafkaBroker.readClusterId(dataDir)).isNull();
    }

    @Test
    void clusterIdComesFromMetaProperties() throws Exception {
        Files.writeString(dataDir.resolve("meta.properties"),
                "version=1\nnode.id=1\ncluster.id=Ys6Y9jndSRCvMu5PxG-M7Q\n");

        assertThat(EmbeddedKafkaBroker.readClusterId(dataDir)).isEqualTo("Ys6Y9jndSRCvMu5PxG-M7Q");
    }
}
