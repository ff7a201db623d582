package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.frontline.avro.Article;
import org.frontline.broker.testing.KafkaBrokerExtension;
import org.frontline.schemas.AvroSerde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `frontline publish` against a real broker: good files go, bad ones are reported, none are lost. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PublishCommandIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    static Path configs;

    @TempDir
    Path corpus;

    @Test
    void publishesGoodFilesReportsBadOnesAndExitsNonZero() throws Exception {
        Files.writeString(corpus.resolve("good.txt"), " date 2024-12 Tre civili sono stati uccisi ad Alyoshki.");
        Files.createDirectories(corpus.resolve("en"));
        Files.writeString(corpus.resolve("en/also-good.txt"), "Headline\n\nFour soldiers were killed.");
        Files.writeString(corpus.resolve("empty.txt"), "");
        Files.writeString(corpus.resolve("blank.txt"), "  \n\n ");
        Files.write(corpus.resolve("latin1.txt"), "Città distrutta".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(corpus.resolve("binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        Files.writeString(corpus.resolve("huge.txt"), "x".repeat(2048));

        Cli.Result result = publish("test1.", "--max-bytes", "1024", corpus.toString());

        assertThat(result.exit()).isEqualTo(Frontline.EXIT_REJECTED);
        assertThat(result.output()).contains("received 7, published 2, rejected 5",
                "empty.txt: empty", "blank.txt: only white space", "latin1.txt: not UTF-8 text",
                "binary.txt: binary data", "huge.txt: larger than the limit: 2048 bytes, limit 1024");
        Map<String, Article> published = readAll("test1.articles.raw");
        assertThat(published.values()).extracting(Article::getPublished).containsExactlyInAnyOrder("2024-12", null);
        assertThat(published.values()).extracting(Article::getTitle).containsExactlyInAnyOrder(null, "Headline");
        assertThat(published.values()).extracting(Article::getBody)
                .containsExactlyInAnyOrder("Tre civili sono stati uccisi ad Alyoshki.", "Four soldiers were killed.");
    }

    @Test
    void republishingAndCorrectingAFileKeepsItsKey() throws Exception {
        Files.writeString(corpus.resolve("a.txt"), "Two civilians were killed.");
        assertThat(publish("test2.", corpus.toString()).exit()).isZero();
        Files.writeString(corpus.resolve("a.txt"), "Three civilians were killed.");
        assertThat(publish("test2.", corpus.toString()).exit()).isZero();

        List<String> keys = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        readRecords("test2.articles.raw", (key, article) -> {
            keys.add(key);
            bodies.add(article.getBody());
        });
        assertThat(keys).hasSize(2).containsOnly(keys.get(0));
        assertThat(bodies).containsExactly("Two civilians were killed.", "Three civilians were killed.");
    }

    private static Cli.Result publish(String topicPrefix, String... args) throws Exception {
        Path config = Files.createTempFile(configs, "client", ".properties");
        Files.writeString(config, "frontline.topic.prefix=" + topicPrefix + "\n");
        List<String> all = new ArrayList<>(List.of("publish", "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--config", config.toString(), "--partitions", "1"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private static Map<String, Article> readAll(String topic) {
        Map<String, Article> articles = new java.util.HashMap<>();
        readRecords(topic, articles::put);
        return articles;
    }

    private static void readRecords(String topic, java.util.function.BiConsumer<String, Article> sink) {
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                new StringDeserializer(), AvroSerde.of(Article.class).deserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> sink.accept(r.key(), r.value()));
            }
            assertThat(consumer.position(partition)).as("read to the end of %s", topic).isEqualTo(end);
        }
    }
}
