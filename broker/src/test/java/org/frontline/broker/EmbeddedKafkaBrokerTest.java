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
    void securedBrokerListensOnSaslSslWithAnAuthorizerAndTheControllerStaysOnLoopback() {
        BrokerSecurity security = new BrokerSecurity(dataDir.resolve("k.p12"), dataDir.resolve("t.p12"), "pw",
                "admin", "admin-pw");
        var props = EmbeddedKafkaBroker.brokerProperties(dataDir, 9092, 9093, Map.of(), security);
        KafkaConfig config = KafkaConfig.fromProps(props);

        assertThat(props.getProperty("listeners")).isEqualTo("SASL_SSL://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("SASL_SSL://127.0.0.1:9092");
        assertThat(config.interBrokerListenerName().value()).isEqualTo("SASL_SSL");
        assertThat(props.getProperty("super.users")).isEqualTo("User:admin;User:ANONYMOUS");
        assertThat(props.getProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config"))
                .contains("username=\"admin\"", "password=\"admin-pw\"");
        assertThat(security.scramCredential()).isEqualTo("SCRAM-SHA-512=[name=admin,password=admin-pw]");
        assertThat(security.clientProperties("alice", "secret")).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
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
