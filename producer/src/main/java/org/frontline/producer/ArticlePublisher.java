package org.frontline.producer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.frontline.avro.Article;
import org.frontline.extract.ArticleFiles;
import org.frontline.extract.ArticleText;
import org.frontline.schemas.ClientConfig;
import org.frontline.schemas.Topic;
import org.frontline.schemas.TopicNames;
import org.frontline.schemas.TopicSetup;

/**
 * Publishes articles to {@code articles.raw}, keyed by their stable id, with an idempotent producer
 * and {@code acks=all}: a send that is retried is written once, and a send that returns is on every
 * in-sync replica.
 */
public final class ArticlePublisher implements AutoCloseable {

    private final KafkaProducer<String, Article> producer;
    private final Topic<String, Article> topic;
    private final TextCheck check;
    private final Clock clock;

    public ArticlePublisher(Properties clientProps, Topic<String, Article> topic, TextCheck check, Clock clock) {
        this.producer = new KafkaProducer<>(producerConfig(clientProps),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.topic = topic;
        this.check = check;
        this.clock = clock;
    }

    /** The producer settings: the client properties given, with what exactly-once publishing needs. */
    static Map<String, Object> producerConfig(Properties clientProps) {
        Map<String, Object> config = ClientConfig.kafkaOnly(clientProps);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "frontline-publish");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return config;
    }

    /** Creates Frontline's topics on the cluster when they are missing. */
    public static void ensureTopics(Properties clientProps, TopicNames names, int partitions, short replication) {
        try (Admin admin = Admin.create(ClientConfig.kafkaOnly(clientProps))) {
            TopicSetup.ensure(admin, TopicSetup.newTopics(names, partitions, replication));
        }
    }

    /** Publishes each article file; a file that cannot be published is reported and the rest go on. */
    public PublishReport publishFiles(List<Path> paths) {
        PublishReport report = new PublishReport();
        List<Pending> sends = new ArrayList<>();
        for (FileInput input : FileInput.expand(paths)) {
            String source = input.file().toString();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(input.file());
            } catch (IOException e) {
                report.rejected(source, "cannot read: " + e.getMessage());
                continue;
            }
            TextCheck.Verdict verdict = check.check(bytes);
            if (!verdict.accepted()) {
                report.rejected(source, verdict.reason());
                continue;
            }
            Article article = article(ArticleIds.forFile(input.identity()), "file", source,
                    ArticleFiles.parse(verdict.text()));
            sends.add(new Pending(source, article.getId(), send(article)));
        }
        await(sends, report);
        return report;
    }

    /** Sends one article; the future completes when every in-sync replica has it. */
    public Future<RecordMetadata> send(Article article) {
        return producer.send(new ProducerRecord<>(topic.name(), article.getId(), article));
    }

    /** Builds the event for an article's text. */
    public Article article(String id, String source, String url, ArticleText text) {
        return Article.newBuilder()
                .setId(id)
                .setSource(source)
                .setUrl(url)
                .setTitle(text.title())
                .setBody(text.body())
                .setPublished(text.published())
                .setIngestedAt(clock.instant())
                .build();
    }

    private record Pending(String source, String articleId, Future<RecordMetadata> send) {
    }

    private void await(List<Pending> sends, PublishReport report) {
        producer.flush();
        for (Pending pending : sends) {
            try {
                pending.send().get();
                report.published(pending.source(), pending.articleId());
            } catch (ExecutionException e) {
                report.rejected(pending.source(), "Kafka refused it: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while publishing", e);
            }
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
