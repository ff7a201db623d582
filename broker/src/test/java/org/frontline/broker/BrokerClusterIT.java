package org.frontline.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.frontline.broker.testing.KafkaClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

class BrokerClusterIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void acknowledgedWritesGoOnWhileTheLeaderIsKilledAndRestarted() throws Exception {
        BrokerCluster cluster = KAFKA.cluster();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("t", 1, (short) -1))).all().get(30, TimeUnit.SECONDS);
            int leader = admin.describeTopics(List.of("t")).allTopicNames().get().get("t").partitions().get(0)
                    .leader().id();
            assertThat(admin.describeTopics(List.of("t")).allTopicNames().get().get("t").partitions().get(0)
                    .replicas()).hasSize(3);
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(60).toMillis());
            try (KafkaProducer<String, String> producer =
                         new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "before")).get(30, TimeUnit.SECONDS);
                cluster.kill(leader);
                assertThat(cluster.isRunning(leader)).isFalse();
                producer.send(new ProducerRecord<>("t", "while down")).get(60, TimeUnit.SECONDS);
                cluster.start(leader);
                producer.send(new ProducerRecord<>("t", "after")).get(30, TimeUnit.SECONDS);
            }
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);
        }
    }
}
