package org.frontline.consumer;

import java.time.Instant;

import org.frontline.avro.Article;
import org.frontline.avro.EnrichedArticle;

/** Enriched articles for the consumer's tests. */
final class TestArticles {

    private static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");

    private TestArticles() {
    }

    static EnrichedArticle enriched(String id, String body) {
        return EnrichedArticle.newBuilder()
                .setArticle(Article.newBuilder().setId(id).setSource("test").setBody(body).setIngestedAt(AT).build())
                .setLanguage("en").setEnrichedAt(AT).build();
    }
}
