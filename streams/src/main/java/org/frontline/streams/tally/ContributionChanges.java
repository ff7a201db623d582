package org.frontline.streams.tally;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.state.ArticleContributions;
import org.frontline.avro.state.CasualtyChange;
import org.frontline.avro.state.SpeakerChange;

/**
 * Turns each version of an article into changes of the tallies it counts in: for every casualty
 * tally and every speaker whose contribution from this article differs from the previous version's,
 * one change holding the contribution before and after (null when the article enters or leaves the
 * tally), keyed by casualty tally key or canonical speaker key. An unchanged contribution sends
 * nothing, so a republished article costs one store read and no tally work.
 *
 * <p>The store keeps one {@link ArticleContributions} per article id, the contributions of its
 * latest version: one get and at most one put or delete per version, however many tallies the
 * article counts in. An article that counts in no tally has no entry.
 */
public final class ContributionChanges
        implements Processor<String, EnrichedArticle, String, ContributionChanges.Change> {

    /** A change of one article's contribution to one tally, keyed by the tally's key. */
    public sealed interface Change {
        /** To a casualty tally, keyed by {@code outcome|victims|party}. */
        record Casualty(CasualtyChange change) implements Change {
        }

        /** To a speaker's tally, keyed by the speaker's canonical key. */
        record Speaker(SpeakerChange change) implements Change {
        }
    }

    private static final ArticleContributions NONE = new ArticleContributions(Map.of(), Map.of());

    private final String storeName;
    private ProcessorContext<String, Change> context;
    private KeyValueStore<String, ArticleContributions> stored;

    /**
     * @param storeName the store of each article's current contributions, by article id
     */
    public ContributionChanges(String storeName) {
        this.storeName = storeName;
    }

    /** What an article contributes to every tally it counts in; none for a withdrawn article (null). */
    public static ArticleContributions of(EnrichedArticle article) {
        return article == null ? NONE : new ArticleContributions(CasualtyTallies.contributions(article),
                SpeakerTallies.contributions(article));
    }

    @Override
    public void init(ProcessorContext<String, Change> context) {
        this.context = context;
        this.stored = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        ArticleContributions before = Objects.requireNonNullElse(stored.get(record.key()), NONE);
        ArticleContributions after = of(record.value());
        boolean changed = forwardChanges(record, before.getCasualties(), after.getCasualties(),
                (was, now) -> new Change.Casualty(new CasualtyChange(was, now)));
        changed |= forwardChanges(record, before.getSpeakers(), after.getSpeakers(),
                (was, now) -> new Change.Speaker(new SpeakerChange(was, now)));
        if (!changed) {
            return;
        }
        if (after.getCasualties().isEmpty() && after.getSpeakers().isEmpty()) {
            stored.delete(record.key());
        } else {
            stored.put(record.key(), after);
        }
    }

    /** Forwards a change for each tally whose contribution differs; whether there was one. */
    private <C> boolean forwardChanges(Record<String, EnrichedArticle> record, Map<String, C> before,
            Map<String, C> after, BiFunction<C, C, Change> change) {
        boolean changed = false;
        for (Map.Entry<String, C> left : before.entrySet()) {
            if (!after.containsKey(left.getKey())) {
                context.forward(record.withKey(left.getKey()).withValue(change.apply(left.getValue(), null)));
                changed = true;
            }
        }
        for (Map.Entry<String, C> now : after.entrySet()) {
            C was = before.get(now.getKey());
            if (!Objects.equals(was, now.getValue())) {
                context.forward(record.withKey(now.getKey()).withValue(change.apply(was, now.getValue())));
                changed = true;
            }
        }
        return changed;
    }
}
