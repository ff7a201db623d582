package org.frontline.streams.tally;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.frontline.avro.EnrichedArticle;

/**
 * Keeps an index of the articles by ingestion time ({@link #key}) so that the latest articles are
 * the last entries of a range, read without a scan of every article. A second store remembers where
 * each article sits, so a new version or a withdrawal moves or removes its one entry. Forwards
 * nothing.
 */
public final class ArticleRecency implements Processor<String, EnrichedArticle, Void, Void> {

    private static final String INDEX = "articles";

    private final String indexStore;
    private final String positionStore;
    private KeyValueStore<Bytes, String> index;
    private KeyValueStore<String, Long> positions;

    public ArticleRecency(String indexStore, String positionStore) {
        this.indexStore = indexStore;
        this.positionStore = positionStore;
    }

    /** Where an article ingested at {@code ingestedMillis} sits in the index. */
    public static Bytes key(long ingestedMillis, String articleId) {
        return SortKey.in(INDEX).number(ingestedMillis).ascending(articleId).bytes();
    }

    /** The first key of the index. */
    public static Bytes first() {
        return SortKey.first(INDEX);
    }

    /** The last key of the index. */
    public static Bytes last() {
        return SortKey.last(INDEX);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.index = context.getStateStore(indexStore);
        this.positions = context.getStateStore(positionStore);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        String id = record.key();
        Long was = positions.get(id);
        Long now = record.value() == null ? null : record.value().getArticle().getIngestedAt().toEpochMilli();
        if (was != null && !was.equals(now)) {
            index.delete(key(was, id));
        }
        if (now == null) {
            positions.delete(id);
        } else if (!now.equals(was)) {
            positions.put(id, now);
            index.put(key(now, id), id);
        }
    }
}
