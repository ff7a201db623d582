package org.frontline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.frontline.avro.Article;
import org.frontline.avro.Rejection;
import org.frontline.broker.testing.KafkaBrokerExtension;
import org.frontline.broker.testing.TopicRecords;
import org.frontline.schemas.AvroSerde;
import org.frontline.schemas.ClusterAccess;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;
import org.frontline.schemas.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Article files published to a real broker by {@link ArticlePublisher}: good files go, bad ones are rejected
 * with their reason, none are lost, and a file keeps its key across versions. Launcher's
 * {@code PublishCommandIT} checks what the {@code publish} command prints and its exit code.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FilePublishingIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path corpus;

    @Test
    void publishesGoodFilesAndRejectsBadOnesWithTheirReasons() throws Exception {
        TestFiles.writeGoodAndBad(corpus);
        TopicNames names = TopicNames.withPrefix("test1.");

        PublishReport report = publish(names, 1024);

        assertThat(report.summary()).isEqualTo("received 7, published 2, rejected 5");
        Map<String, String> reasons = new TreeMap<>();
        report.rejections().forEach(r -> reasons.put(Path.of(r.origin()).getFileName().toString(), r.reason()));
        assertThat(reasons).containsOnlyKeys("empty.txt", "blank.txt", "latin1.txt", "binary.txt", "huge.txt");
        assertThat(reasons.get("empty.txt")).isEqualTo("empty");
        assertThat(reasons.get("blank.txt")).isEqualTo("only white space");
        assertThat(reasons.get("latin1.txt")).startsWith("not UTF-8 text");
        assertThat(reasons.get("binary.txt")).startsWith("binary data");
        assertThat(reasons.get("huge.txt")).isEqualTo("larger than the limit: 2048 bytes, limit 1024");

        // Every rejection is on the rejections topic too, with its reason: none is only in the summary.
        assertThat(readAll(names.rejected(), Rejection.class)).extracting(r -> r.value().getReason())
                .containsExactlyInAnyOrderElementsOf(reasons.values());

        List<Article> published = readAll(names.raw(), Article.class).stream().map(ConsumerRecord::value).toList();
        assertThat(published).extracting(Article::getPublished).containsExactlyInAnyOrder("2024-12", null);
        assertThat(published).extracting(Article::getTitle).containsExactlyInAnyOrder(null, "Headline");
        assertThat(published).extracting(Article::getBody)
                .containsExactlyInAnyOrder("Tre civili sono stati uccisi ad Alyoshki.", "Four soldiers were killed.");
    }

    @Test
    void republishingAndCorrectingAFileKeepsItsKey() throws Exception {
        TopicNames names = TopicNames.withPrefix("test2.");
        Files.writeString(corpus.resolve("a.txt"), "Two civilians were killed.");
        assertThat(publish(names, TextCheck.DEFAULT_MAX_BYTES).allPublished()).isTrue();
        Files.writeString(corpus.resolve("a.txt"), "Three civilians were killed.");
        assertThat(publish(names, TextCheck.DEFAULT_MAX_BYTES).allPublished()).isTrue();

        List<ConsumerRecord<String, Article>> records = readAll(names.raw(), Article.class);
        assertThat(records).extracting(ConsumerRecord::key).hasSize(2).containsOnly(records.get(0).key());
        assertThat(records).extracting(r -> r.value().getBody())
                .containsExactly("Two civilians were killed.", "Three civilians were killed.");
    }

    @Test
    void aRejectionThatCannotBeRecordedSaysSo() throws Exception {
        Files.writeString(corpus.resolve("empty.txt"), "");
        TopicNames names = TopicNames.withPrefix("test3.");
        Properties props = new Properties();
        props.put("bootstrap.servers", KAFKA.bootstrapServers());
        // No rejections topic, and the broker creates none: the rejection's record cannot be written.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(names.raw(), 1, (short) 1))).all().get();
        }
        props.put("max.block.ms", "2000");
        props.put("delivery.timeout.ms", "3000");
        props.put("request.timeout.ms", "2000");
        PublishReport report;
        try (ArticlePublisher publisher = new ArticlePublisher(props, FrontlineTopics.named(names),
                new TextCheck(TextCheck.DEFAULT_MAX_BYTES), Clock.systemUTC())) {
            report = publisher.publishFiles(List.of(corpus));
        }

        assertThat(report.summary()).isEqualTo("received 1, published 0, rejected 1");
        assertThat(report.rejections()).singleElement().satisfies(r -> assertThat(r.reason())
                .startsWith("empty (and the rejection could not be written to " + names.rejected() + ": "));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anArticleTheBrokerRefusesIsRejectedWithTheBrokersReason() throws Exception {
        TopicNames names = TopicNames.withPrefix("test4.");
        Files.writeString(corpus.resolve("small.txt"), "Two civilians were killed.");
        Files.writeString(corpus.resolve("long.txt"), randomWords(600));
        // The raw topic takes no record over 1,000 bytes: the broker itself refuses the long article, after the
        // publisher has accepted it. Its rejection is written from the send's callback, to a topic this producer
        // has not sent to before.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(names.raw(), 1, (short) 1)
                    .configs(Map.of("max.message.bytes", "1000")))).all().get();
        }

        PublishReport report = publish(names, TextCheck.DEFAULT_MAX_BYTES);

        assertThat(report.summary()).isEqualTo("received 2, published 1, rejected 1");
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.origin()).endsWith("long.txt");
            assertThat(r.reason()).startsWith("Kafka refused it: ");
        });
        assertThat(readAll(names.rejected(), Rejection.class)).extracting(r -> r.value().getReason())
                .singleElement().asString().startsWith("Kafka refused it: ");
    }

    /** Text that compression cannot make small: the producer compresses each batch. */
    private static String randomWords(int count) {
        Random random = new Random(4);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            for (int letters = 2 + random.nextInt(8); letters > 0; letters--) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(' ');
        }
        return text.toString();
    }

    private PublishReport publish(TopicNames names, int maxBytes) {
        Properties props = new Properties();
        props.put("bootstrap.servers", KAFKA.bootstrapServers());
        // As the publish command prepares: topics created, and served by their leaders (TopicSetup.ensure), then
        // described for access, before the first send.
        ArticlePublisher.ensureTopics(props, names, 1, (short) -1);
        ClusterAccess.requireWrite(props, List.of(names.raw(), names.rejected()));
        try (ArticlePublisher publisher = new ArticlePublisher(props, FrontlineTopics.named(names),
                new TextCheck(maxBytes), Clock.systemUTC())) {
            return publisher.publishFiles(List.of(corpus));
        }
    }

    private static <V extends SpecificRecord> List<ConsumerRecord<String, V>> readAll(
            String topic, Class<V> type) {
        return TopicRecords.readAll(KAFKA.bootstrapServers(), topic, new StringDeserializer(),
                AvroSerde.of(type).deserializer());
    }
}
