package org.frontline.schemas.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.frontline.avro.Article;
import org.frontline.avro.EnrichedArticle;
import org.frontline.schemas.AvroSerde;

/**
 * Articles for the tests of every module, so that none keeps its own copy: Avro {@link Article}s with a
 * given id and text, their bytes as {@code articles.raw} holds them, and {@link EnrichedArticle}s.
 * The builders are Avro's own, filled in with the fields a test rarely cares about; set what it does.
 *
 * <pre>{@code
 * Article a = TestArticles.article("good-1").setBody("Three civilians were killed.").build();
 * producer.send(TestArticles.rawRecord("articles.raw", a));
 * }</pre>
 */
public final class TestArticles {

    /** When every test article was ingested and enriched, unless the test says otherwise. */
    public static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");

    private static final AvroSerde<Article> ARTICLES = AvroSerde.of(Article.class);

    private TestArticles() {
    }

    /** An article with id {@code id}, source {@code test}, title "Title of {@code id}", ingested {@link #AT}. */
    public static Article.Builder article(String id) {
        return Article.newBuilder().setId(id).setSource("test").setTitle("Title of " + id).setIngestedAt(AT);
    }

    /** An article with id {@code id} and {@code body}, otherwise as {@link #article(String)}. */
    public static Article article(String id, String body) {
        return article(id).setBody(body).build();
    }

    /** The article in Frontline's wire format: Avro single-object encoding, as on {@code articles.raw}. */
    public static byte[] encoded(Article article) {
        return ARTICLES.encode(article);
    }

    /** A raw record of {@code topic}: {@code key} as UTF-8 bytes, {@code value} as given (null: a tombstone). */
    public static ProducerRecord<byte[], byte[]> rawRecord(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
    }

    /** The article as a well-formed raw record of {@code topic}, keyed by its id. */
    public static ProducerRecord<byte[], byte[]> rawRecord(String topic, Article article) {
        return rawRecord(topic, article.getId(), encoded(article));
    }

    /** The article enriched in {@code language} with nothing found in it, enriched {@link #AT}. */
    public static EnrichedArticle.Builder enriched(Article article, String language) {
        return EnrichedArticle.newBuilder().setArticle(article).setLanguage(language).setEnrichedAt(AT);
    }

    /** An English article with id {@code id} and {@code body}, enriched with nothing found in it. */
    public static EnrichedArticle enriched(String id, String body) {
        return enriched(article(id).setTitle(null).setBody(body).build(), "en").build();
    }
}
