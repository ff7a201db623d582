package org.frontline.streams.tally;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.frontline.avro.SpeakerTally;
import org.frontline.avro.state.SpeakerChange;
import org.frontline.avro.state.SpeakerContribution;

/**
 * Applies changes of articles' contributions to speakers' tallies, keyed by canonical speaker key,
 * and forwards each tally it changed (a tombstone when no article quotes the speaker any more). Each
 * change costs a fixed number of store operations, however often the speaker is quoted: the sums
 * once, at most one delete and one put in the recency index, one count and one index entry per
 * spelling touched, and three reads of the first or last entry of a range.
 *
 * <p>Stores: the tallies; the recency index ({@link SpeakerTallies#recencyKey} to the contribution);
 * statements per spelling; and the spelling index ({@link SpeakerTallies#spellingKey} to the spelling).
 */
public final class SpeakerTallyProcessor implements Processor<String, SpeakerChange, String, SpeakerTally> {

    /** The names of the four stores. */
    public record Stores(String tallies, String recency, String spellingCounts, String spellings) {
    }

    private final Stores names;
    private ProcessorContext<String, SpeakerTally> context;
    private KeyValueStore<String, SpeakerTally> tallies;
    private KeyValueStore<Bytes, SpeakerContribution> recency;
    private KeyValueStore<String, Integer> spellingCounts;
    private KeyValueStore<Bytes, String> spellings;

    public SpeakerTallyProcessor(Stores names) {
        this.names = names;
    }

    @Override
    public void init(ProcessorContext<String, SpeakerTally> context) {
        this.context = context;
        this.tallies = context.getStateStore(names.tallies());
        this.recency = context.getStateStore(names.recency());
        this.spellingCounts = context.getStateStore(names.spellingCounts());
        this.spellings = context.getStateStore(names.spellings());
    }

    @Override
    public void process(Record<String, SpeakerChange> record) {
        String key = record.key();
        SpeakerContribution before = record.value().getBefore();
        SpeakerContribution after = record.value().getAfter();
        if (before != null) {
            recency.delete(SpeakerTallies.recencyKey(key, before));
            count(key, before.getSpeaker(), -before.getStatements());
        }
        if (after != null) {
            recency.put(SpeakerTallies.recencyKey(key, after), after);
            count(key, after.getSpeaker(), after.getStatements());
        }
        SpeakerTally tally = SpeakerTallies.apply(tallies.get(key), before, after);
        if (tally == null) {
            tallies.delete(key);
        } else {
            SpeakerContribution latest = edge(recency, SpeakerTallies.first(key), SpeakerTallies.last(key), true);
            SpeakerContribution firstDated = edge(recency, SpeakerTallies.firstDatedKey(key),
                    SpeakerTallies.last(key), false);
            String shown = edge(spellings, SpeakerTallies.first(key), SpeakerTallies.last(key), true);
            SpeakerTallies.withIndexes(tally, shown, firstDated == null ? null : firstDated.getPublished(), latest);
            tallies.put(key, tally);
        }
        context.forward(record.withValue(tally));
    }

    /** Moves one spelling's statement count by {@code delta}, and its entry in the spelling index. */
    private void count(String key, String spelling, int delta) {
        String countKey = SpeakerTallies.spellingCountKey(key, spelling);
        Integer was = spellingCounts.get(countKey);
        int now = (was == null ? 0 : was) + delta;
        if (was != null) {
            spellings.delete(SpeakerTallies.spellingKey(key, spelling, was));
        }
        if (now > 0) {
            spellingCounts.put(countKey, now);
            spellings.put(SpeakerTallies.spellingKey(key, spelling, now), spelling);
        } else {
            spellingCounts.delete(countKey);
        }
    }

    /** The value of the first (or with {@code last}, the last) entry between two keys, or null. */
    private static <V> V edge(KeyValueStore<Bytes, V> store, Bytes from, Bytes to, boolean last) {
        try (KeyValueIterator<Bytes, V> entries = last ? store.reverseRange(from, to) : store.range(from, to)) {
            return entries.hasNext() ? entries.next().value : null;
        }
    }
}
