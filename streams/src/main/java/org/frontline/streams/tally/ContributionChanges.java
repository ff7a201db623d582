package org.frontline.streams.tally;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.frontline.avro.EnrichedArticle;

/**
 * Turns each version of an article into changes of the tallies it counts in, keyed by tally key:
 * for every tally whose contribution from this article differs from the previous version's, one
 * change holding the contribution before and after (null when the article enters or leaves the
 * tally). An unchanged contribution sends nothing, so a republished article costs no tally work.
 *
 * <p>The store keeps the article's current contributions under {@code article id + SEPARATOR +
 * tally key}, a few entries per article, read back with a prefix scan.
 *
 * @param <C> the contribution type
 * @param <X> the change type
 */
public final class ContributionChanges<C, X> implements Processor<String, EnrichedArticle, String, X> {

    /** Between the article id and the tally key; not a character of either. */
    public static final char SEPARATOR = '\u001F';

    private static final StringSerializer PREFIX = new StringSerializer();

    private final String storeName;
    private final Function<EnrichedArticle, Map<String, C>> contributions;
    private final BiFunction<C, C, X> change;
    private ProcessorContext<String, X> context;
    private KeyValueStore<String, C> current;

    /**
     * @param storeName     the store of each article's current contributions
     * @param contributions an article's contributions by tally key
     * @param change        a change from the contribution before and the one after
     */
    public ContributionChanges(String storeName, Function<EnrichedArticle, Map<String, C>> contributions,
            BiFunction<C, C, X> change) {
        this.storeName = storeName;
        this.contributions = contributions;
        this.change = change;
    }

    @Override
    public void init(ProcessorContext<String, X> context) {
        this.context = context;
        this.current = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        String prefix = record.key() + SEPARATOR;
        Map<String, C> after = record.value() == null ? Map.of() : contributions.apply(record.value());
        Map<String, C> before = new HashMap<>();
        try (KeyValueIterator<String, C> stored = current.prefixScan(prefix, PREFIX)) {
            while (stored.hasNext()) {
                KeyValue<String, C> entry = stored.next();
                before.put(entry.key.substring(prefix.length()), entry.value);
            }
        }
        before.forEach((tally, contribution) -> {
            if (!after.containsKey(tally)) {
                current.delete(prefix + tally);
                context.forward(record.withKey(tally).withValue(change.apply(contribution, null)));
            }
        });
        after.forEach((tally, contribution) -> {
            C earlier = before.get(tally);
            if (!Objects.equals(earlier, contribution)) {
                current.put(prefix + tally, contribution);
                context.forward(record.withKey(tally).withValue(change.apply(earlier, contribution)));
            }
        });
    }
}
