package org.frontline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigTest {

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nlinger.ms=7\nacks=1\n");

        Properties props = ClientConfig.layered(
                Map.of("acks", "all", "linger.ms", "5", "client.id", "frontline"),
                file,
                Map.of("KAFKA_LINGER_MS", "9", "KAFKA_BOOTSTRAP_SERVERS", "env:9092", "PATH", "/bin",
                        "KAFKA_HEAP_OPTS", "-Xmx1g"),
                Map.of("bootstrap.servers", "flag:9092"));

        assertThat(props)
                .containsEntry("client.id", "frontline")
                .containsEntry("acks", "1")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("linger.ms", "9")
                .containsEntry("bootstrap.servers", "flag:9092")
                .doesNotContainKey("path")
                .doesNotContainKey("heap.opts");
    }
}
