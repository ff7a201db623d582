package org.frontline.streams.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.frontline.avro.EnrichedArticle;

/**
 * Splits each version of an article into its contributions, one per tally it counts in, keyed by
 * {@code article id + SEPARATOR + tally key}. Remembers which tallies the previous version counted
 * in and sends a tombstone for each one the new version no longer counts in, so a corrected or
 * withdrawn article leaves no stale contribution behind.
 *
 * @param <C> the contribution type
 */
public final class ContributionExploder<C> implements Processor<String, EnrichedArticle, String, C> {

    /** Between the article id and the tally key; not a character of either. */
    public static final char SEPARATOR = '\u001F';

    private final String storeName;
    private final Function<EnrichedArticle, Map<String, C>> contributions;
    private ProcessorContext<String, C> context;
    private KeyValueStore<String, List<String>> previousKeys;

    /**
     * @param storeName     the store remembering each article's tally keys
     * @param contributions an article's contributions by tally key
     */
    public ContributionExploder(String storeName, Function<EnrichedArticle, Map<String, C>> contributions) {
        this.storeName = storeName;
        this.contributions = contributions;
    }

    @Override
    public void init(ProcessorContext<String, C> context) {
        this.context = context;
        this.previousKeys = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        String articleId = record.key();
        Map<String, C> current = record.value() == null ? Map.of() : contributions.apply(record.value());
        List<String> before = previousKeys.get(articleId);
        if (before != null) {
            for (String key : before) {
                if (!current.containsKey(key)) {
                    context.forward(record.withKey(articleId + SEPARATOR + key).withValue(null));
                }
            }
        }
        current.forEach((key, contribution) ->
                context.forward(record.withKey(articleId + SEPARATOR + key).withValue(contribution)));
        if (current.isEmpty()) {
            previousKeys.delete(articleId);
        } else {
            previousKeys.put(articleId, new ArrayList<>(current.keySet()));
        }
    }
}
