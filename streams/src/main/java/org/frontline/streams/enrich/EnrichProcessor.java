package org.frontline.streams.enrich;

import java.time.Clock;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.frontline.avro.Article;
import org.frontline.avro.DeadLetter;
import org.frontline.avro.EnrichedArticle;
import org.frontline.schemas.AvroSerde;
import org.frontline.streams.errors.DeadLetters;

/**
 * Decodes each raw article and enriches it. A record that cannot be decoded or enriched becomes a
 * dead letter instead of stopping the application; a tombstone (an article withdrawn) passes on as
 * a tombstone, so its contribution leaves the tallies.
 */
public final class EnrichProcessor implements FixedKeyProcessor<String, byte[], EnrichProcessor.Outcome> {

    /** What became of one raw record: an enriched article, a withdrawal, or a dead letter. */
    public sealed interface Outcome {
        /** The article could be enriched. */
        record Enriched(EnrichedArticle article) implements Outcome {
        }

        /** The article was withdrawn (a tombstone on the raw topic). */
        record Withdrawn() implements Outcome {
        }

        /** The record could not be processed. */
        record Failed(DeadLetter letter) implements Outcome {
        }
    }

    private final AvroSerde<Article> articles;
    private final Enricher enricher;
    private final Clock clock;
    private FixedKeyProcessorContext<String, Outcome> context;

    public EnrichProcessor(AvroSerde<Article> articles, Enricher enricher, Clock clock) {
        this.articles = articles;
        this.enricher = enricher;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Outcome> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        context.forward(record.withValue(outcome(record)));
    }

    private Outcome outcome(FixedKeyRecord<String, byte[]> record) {
        if (record.value() == null) {
            return new Outcome.Withdrawn();
        }
        try {
            Article article = articles.decode(record.value());
            if (record.key() == null || !record.key().equals(article.getId())) {
                throw new IllegalArgumentException("record key " + record.key()
                        + " is not the article's id " + article.getId());
            }
            return new Outcome.Enriched(enricher.enrich(article));
        } catch (RuntimeException e) {
            // Undecodable bytes, or an extractor bug on one article, must not stop every other article.
            return failed(record, e);
        }
    }

    private Outcome failed(FixedKeyRecord<String, byte[]> record, Exception cause) {
        return new Outcome.Failed(DeadLetters.of(context.recordMetadata().orElse(null), record.key(),
                record.value(), cause, clock.instant()));
    }
}
