package org.frontline.streams.tally;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
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
 * once, at most one delete and one put in the recency index, two reads of the first or last entry of
 * its range, and one count per spelling touched.
 *
 * <p>The name shown is kept in the tally and challenged by each spelling whose count grows. Only when
 * the shown spelling loses statements (a corrected or withdrawn article) are the speaker's spellings
 * read again, a handful, however many articles quote them. An index ordered by count would be
 * simpler to read but would leave a deleted entry behind at every statement, and RocksDB's iterators
 * step over deleted entries one by one.
 *
 * <p>Stores: the tallies; the recency index ({@link SpeakerTallies#recencyKey} to the contribution);
 * and statements per spelling ({@link SpeakerTallies#spellingCountKey}).
 */
public final class SpeakerTallyProcessor implements Processor<String, SpeakerChange, String, SpeakerTally> {

    /** The names of the three stores. */
    public record Stores(String tallies, String recency, String spellingCounts) {
    }

    private static final StringSerializer PREFIX = new StringSerializer();

    private final Stores names;
    private ProcessorContext<String, SpeakerTally> context;
    private KeyValueStore<String, SpeakerTally> tallies;
    private KeyValueStore<Bytes, SpeakerContribution> recency;
    private KeyValueStore<String, Integer> spellingCounts;

    public SpeakerTallyProcessor(Stores names) {
        this.names = names;
    }

    @Override
    public void init(ProcessorContext<String, SpeakerTally> context) {
        this.context = context;
        this.tallies = context.getStateStore(names.tallies());
        this.recency = context.getStateStore(names.recency());
        this.spellingCounts = context.getStateStore(names.spellingCounts());
    }

    @Override
    public void process(Record<String, SpeakerChange> record) {
        String key = record.key();
        SpeakerContribution before = record.value().getBefore();
        SpeakerContribution after = record.value().getAfter();
        SpeakerTally was = tallies.get(key);
        String shown = was == null ? null : was.getSpeaker();
        boolean shownLost = false;
        if (before != null) {
            recency.delete(SpeakerTallies.recencyKey(key, before));
            count(key, before.getSpeaker(), -before.getStatements());
            shownLost = before.getSpeaker().equals(shown) && before.getStatements() > 0;
        }
        if (after != null) {
            recency.put(SpeakerTallies.recencyKey(key, after), after);
            int now = count(key, after.getSpeaker(), after.getStatements());
            if (!shownLost && (shown == null || SpeakerTallies.SHOWN_NAME.compare(
                    new SpeakerTallies.Spelling(after.getSpeaker(), now),
                    new SpeakerTallies.Spelling(shown, statements(key, shown))) > 0)) {
                shown = after.getSpeaker();
            }
        }
        SpeakerTally tally = SpeakerTallies.apply(was, before, after);
        if (tally == null) {
            tallies.delete(key);
        } else {
            if (shownLost) {
                shown = mostUsedSpelling(key);
            }
            SpeakerContribution latest = edge(recency, SpeakerTallies.first(key), SpeakerTallies.last(key), true);
            SpeakerContribution firstDated = edge(recency, SpeakerTallies.firstDatedKey(key),
                    SpeakerTallies.last(key), false);
            SpeakerTallies.withIndexes(tally, shown, firstDated == null ? null : firstDated.getPublished(), latest);
            tallies.put(key, tally);
        }
        context.forward(record.withValue(tally));
    }

    /** Moves one spelling's statement count by {@code delta}; returns the new count. */
    private int count(String key, String spelling, int delta) {
        String countKey = SpeakerTallies.spellingCountKey(key, spelling);
        int now = statements(key, spelling) + delta;
        if (now > 0) {
            spellingCounts.put(countKey, now);
        } else {
            spellingCounts.delete(countKey);
        }
        return now;
    }

    private int statements(String key, String spelling) {
        Integer count = spellingCounts.get(SpeakerTallies.spellingCountKey(key, spelling));
        return count == null ? 0 : count;
    }

    /** The spelling the name rule picks among all of the speaker's spellings. */
    private String mostUsedSpelling(String key) {
        String prefix = SpeakerTallies.spellingCountKey(key, "");
        SpeakerTallies.Spelling best = null;
        try (KeyValueIterator<String, Integer> spellings = spellingCounts.prefixScan(prefix, PREFIX)) {
            while (spellings.hasNext()) {
                KeyValue<String, Integer> entry = spellings.next();
                SpeakerTallies.Spelling candidate = new SpeakerTallies.Spelling(
                        entry.key.substring(prefix.length()), entry.value);
                if (best == null || SpeakerTallies.SHOWN_NAME.compare(candidate, best) > 0) {
                    best = candidate;
                }
            }
        }
        return best.name();
    }

    /** The value of the first (or with {@code last}, the last) entry between two keys, or null. */
    private static <V> V edge(KeyValueStore<Bytes, V> store, Bytes from, Bytes to, boolean last) {
        try (KeyValueIterator<Bytes, V> entries = last ? store.reverseRange(from, to) : store.range(from, to)) {
            return entries.hasNext() ? entries.next().value : null;
        }
    }
}
