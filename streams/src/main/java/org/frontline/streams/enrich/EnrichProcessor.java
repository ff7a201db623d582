package org.frontline.streams.enrich;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.apache.kafka.common.errors.RecordTooLargeException;
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
 *
 * <p>Every record this processor lets through must be one Kafka accepts downstream: a record without
 * a key (the enriched topic is compacted) and an enriched article larger than the producer may send
 * ({@code max.request.size}) are dead letters too, as a send that fails would stop the application on
 * the same record at every restart.
 */
public final class EnrichProcessor implements FixedKeyProcessor<String, byte[], EnrichProcessor.Outcome> {

    /** Room for Kafka's record and batch framing (and headers) around a record's key and value. */
    static final int RECORD_OVERHEAD = 1024;
    /**
     * An enriched article is at most this many times its raw record: the article itself once, and its
     * quotes, evidence and names, each a part of its text, at most as long again in all (overlapping
     * evidence of many figures in one sentence included, with room to spare).
     */
    static final int EXTRACTION_GROWTH = 4;

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
    private final AvroSerde<EnrichedArticle> enrichedArticles;
    private final Enricher enricher;
    private final Clock clock;
    private final int maxRecordBytes;
    private FixedKeyProcessorContext<String, Outcome> context;

    /**
     * @param maxRecordBytes the largest record the application's producer sends ({@code max.request.size})
     */
    public EnrichProcessor(AvroSerde<Article> articles, AvroSerde<EnrichedArticle> enrichedArticles,
                           Enricher enricher, Clock clock, int maxRecordBytes) {
        this.articles = articles;
        this.enrichedArticles = enrichedArticles;
        this.enricher = enricher;
        this.clock = clock;
        this.maxRecordBytes = maxRecordBytes;
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
        if (record.key() == null) {
            // Without a key neither an article nor a withdrawal can be placed; the compacted topics refuse it.
            return failed(record, new IllegalArgumentException(record.value() == null
                    ? "a tombstone without a key withdraws no article"
                    : "record without a key; an article's key is its id"));
        }
        if (record.value() == null) {
            return new Outcome.Withdrawn();
        }
        try {
            Article article = articles.decode(record.value());
            if (!record.key().equals(article.getId())) {
                throw new IllegalArgumentException("record key " + record.key()
                        + " is not the article's id " + article.getId());
            }
            EnrichedArticle enriched = enricher.enrich(article);
            int room = maxRecordBytes - RECORD_OVERHEAD - record.key().getBytes(StandardCharsets.UTF_8).length;
            // Encoding costs as much as the send's own encoding, so it is done only when the article could be
            // too large: what extraction adds (quotes, evidence, names: parts of the text) stays well under
            // EXTRACTION_GROWTH times the raw record.
            int size = (long) record.value().length * EXTRACTION_GROWTH < room ? 0
                    : enrichedArticles.encode(enriched).length;
            if (size > room) {
                throw new RecordTooLargeException("the enriched article is " + size + " bytes, over the " + room
                        + " bytes a record with its key may take (max.request.size " + maxRecordBytes + " less "
                        + RECORD_OVERHEAD + " for Kafka's framing)");
            }
            return new Outcome.Enriched(enriched);
        } catch (RuntimeException e) {
            // Undecodable bytes, or an extractor bug on one article, must not stop every other article.
            return failed(record, e);
        }
    }

    private Outcome failed(FixedKeyRecord<String, byte[]> record, Exception cause) {
        return new Outcome.Failed(DeadLetters.of(context.recordMetadata().orElse(null), record.key(),
                record.value(), cause, clock.instant(), maxRecordBytes));
    }
}
