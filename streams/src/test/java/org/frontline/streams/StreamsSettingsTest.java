package org.frontline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    private static final Path STATE = Path.of("state");

    @Test
    void transactionsOutlastTheSlowestArticleUnlessConfiguredOtherwise() {
        Properties defaults = StreamsSettings.from(new Properties(), STATE, 3).streams();
        Map<String, Object> producer = new StreamsConfig(withBootstrap(defaults)).getProducerConfigs("p");
        assertThat(producer.get("transaction.timeout.ms")).isEqualTo(StreamsSettings.TRANSACTION_TIMEOUT_MS);

        Properties client = new Properties();
        client.put("transaction.timeout.ms", "30000");
        Properties configured = StreamsSettings.from(client, STATE, 3).streams();
        assertThat(new StreamsConfig(withBootstrap(configured)).getProducerConfigs("p").get("transaction.timeout.ms"))
                .isEqualTo("30000");
    }

    @Test
    void recordsAreCompressedWithLz4UnlessConfiguredOtherwise() {
        Properties defaults = StreamsSettings.from(new Properties(), STATE, 3).streams();
        assertThat(new StreamsConfig(withBootstrap(defaults)).getProducerConfigs("p").get("compression.type"))
                .isEqualTo("lz4");
        Properties client = new Properties();
        client.put("compression.type", "zstd");
        Properties configured = StreamsSettings.from(client, STATE, 3).streams();
        assertThat(new StreamsConfig(withBootstrap(configured)).getProducerConfigs("p").get("compression.type"))
                .isEqualTo("zstd");
    }

    @Test
    void largestRecordIsTheProducersMaxRequestSize() {
        assertThat(StreamsSettings.maxRecordBytes(new Properties())).isEqualTo(1024 * 1024);
        Properties plain = new Properties();
        plain.put("max.request.size", "2097152");
        assertThat(StreamsSettings.maxRecordBytes(plain)).isEqualTo(2 * 1024 * 1024);
        plain.put("producer.max.request.size", 4096);
        assertThat(StreamsSettings.maxRecordBytes(plain)).as("the producer's own setting wins").isEqualTo(4096);
    }

    private static Properties withBootstrap(Properties props) {
        props.put("bootstrap.servers", "unused:9092");
        return props;
    }
}
