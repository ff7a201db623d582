package org.frontline.streams.tally;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.state.CasualtyChange;
import org.frontline.avro.state.CasualtyContribution;

/**
 * Applies changes of articles' contributions to casualty tallies, keyed by tally, and forwards each
 * tally it changed (a tombstone when no article counts in it any more). Each change costs a fixed
 * number of store operations, however many articles share the tally: the sums are read and written
 * once, the cumulative index gets at most one delete and one put, and the latest cumulative figure
 * is the last entry of the tally's range in that index. The same sums per month of publication live
 * beside them, in the same task, because a month key begins with its tally key.
 */
public final class CasualtyTallyProcessor implements Processor<String, CasualtyChange, String, CasualtyTally> {

    private final String talliesStore;
    private final String monthlyStore;
    private final String cumulativeStore;
    private ProcessorContext<String, CasualtyTally> context;
    private KeyValueStore<String, CasualtyTally> tallies;
    private KeyValueStore<String, CasualtyTally> monthly;
    private KeyValueStore<Bytes, CasualtyContribution> cumulative;

    public CasualtyTallyProcessor(String talliesStore, String monthlyStore, String cumulativeStore) {
        this.talliesStore = talliesStore;
        this.monthlyStore = monthlyStore;
        this.cumulativeStore = cumulativeStore;
    }

    @Override
    public void init(ProcessorContext<String, CasualtyTally> context) {
        this.context = context;
        this.tallies = context.getStateStore(talliesStore);
        this.monthly = context.getStateStore(monthlyStore);
        this.cumulative = context.getStateStore(cumulativeStore);
    }

    @Override
    public void process(Record<String, CasualtyChange> record) {
        String key = record.key();
        CasualtyContribution before = record.value().getBefore();
        CasualtyContribution after = record.value().getAfter();
        if (before != null) {
            month(CasualtyTallies.monthKey(before), before, null);
            if (before.getMaxCumulative() != null) {
                cumulative.delete(CasualtyTallies.cumulativeKey(key, before));
            }
        }
        if (after != null) {
            month(CasualtyTallies.monthKey(after), null, after);
            if (after.getMaxCumulative() != null) {
                cumulative.put(CasualtyTallies.cumulativeKey(key, after), after);
            }
        }
        CasualtyTally tally = CasualtyTallies.apply(tallies.get(key), before, after);
        if (tally == null) {
            tallies.delete(key);
        } else {
            CasualtyTallies.withLatest(tally, largestCumulative(key));
            tallies.put(key, tally);
        }
        context.forward(record.withValue(tally));
    }

    private void month(String monthKey, CasualtyContribution before, CasualtyContribution after) {
        CasualtyTally tally = CasualtyTallies.apply(monthly.get(monthKey), before, after);
        if (tally == null) {
            monthly.delete(monthKey);
        } else {
            monthly.put(monthKey, tally);
        }
    }

    private CasualtyContribution largestCumulative(String key) {
        try (KeyValueIterator<Bytes, CasualtyContribution> last =
                     cumulative.reverseRange(SortKey.first(key), SortKey.last(key))) {
            return last.hasNext() ? last.next().value : null;
        }
    }
}
