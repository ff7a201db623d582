package org.frontline.streams.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.avro.state.CasualtyAggregate;
import org.frontline.avro.state.LanguageStats;
import org.frontline.avro.state.SpeakerAggregate;
import org.frontline.avro.state.SpeakerContribution;
import org.frontline.streams.FrontlineTopology;
import org.frontline.streams.tally.CasualtyTallies;
import org.frontline.streams.tally.SpeakerTallies;

/**
 * What this instance of the streams application holds in its state stores (Kafka Streams
 * interactive queries). Each key lives on exactly one running instance, so an answer for the whole
 * application is the union of every instance's local answer. Throws {@link NotReadyException} while
 * the instance is not running (rebalancing, restoring): a partial answer is never returned.
 */
public final class LocalQueries {

    private final KafkaStreams streams;

    public LocalQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    /** A casualty tally of one month: {@code month} is {@code YYYY-MM} or {@code unknown}. */
    public record MonthlyTally(String month, CasualtyTally tally) {
    }

    /** A speaker's tally and the ids of the articles that quote them, most recent first. */
    public record SpeakerDetail(SpeakerTally tally, List<String> articleIds) {
    }

    /** Fails with {@link NotReadyException} unless the instance is running. */
    public void requireRunning() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new NotReadyException("the streams application is " + state.name().toLowerCase());
        }
    }

    public List<CasualtyTally> casualties() {
        return values(FrontlineTopology.CASUALTY_STORE, (String key, CasualtyAggregate a) -> CasualtyTallies.tally(a));
    }

    public List<MonthlyTally> monthlyCasualties() {
        return values(FrontlineTopology.CASUALTY_MONTHLY_STORE, (String key, CasualtyAggregate a) -> {
            CasualtyTally tally = CasualtyTallies.tally(a);
            return tally == null ? null : new MonthlyTally(key.substring(key.lastIndexOf('|') + 1), tally);
        });
    }

    public List<SpeakerTally> speakers() {
        return values(FrontlineTopology.SPEAKER_STORE, (String key, SpeakerAggregate a) -> SpeakerTallies.tally(a));
    }

    /** The speaker with this canonical key, or null when this instance has no such speaker. */
    public SpeakerDetail speaker(String canonicalKey) {
        SpeakerAggregate aggregate = this.<SpeakerAggregate>store(FrontlineTopology.SPEAKER_STORE).get(canonicalKey);
        SpeakerTally tally = SpeakerTallies.tally(aggregate);
        if (tally == null) {
            return null;
        }
        List<String> ids = aggregate.getContributions().values().stream()
                .sorted(Comparator
                        .comparing((SpeakerContribution c) -> Objects.requireNonNullElse(c.getPublished(), ""))
                        .thenComparing(SpeakerContribution::getIngestedAt).reversed())
                .map(SpeakerContribution::getArticleId)
                .toList();
        return new SpeakerDetail(tally, ids);
    }

    /** The enriched article with this id, or null when this instance has none. */
    public EnrichedArticle article(String id) {
        return this.<EnrichedArticle>store(FrontlineTopology.ARTICLES_STORE).get(id);
    }

    /** The most recently ingested articles this instance holds, newest first. */
    public List<EnrichedArticle> latestArticles(int limit) {
        List<EnrichedArticle> all = values(FrontlineTopology.ARTICLES_STORE, (String id, EnrichedArticle a) -> a);
        return all.stream()
                .sorted(Comparator.comparing((EnrichedArticle a) -> a.getArticle().getIngestedAt(),
                        Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed())
                .limit(limit)
                .toList();
    }

    /** Articles, statements and casualty figures by language. */
    public Map<String, LanguageStats> languages() {
        Map<String, LanguageStats> byLanguage = new TreeMap<>();
        values(FrontlineTopology.LANGUAGE_STORE, (String language, LanguageStats stats) ->
                stats.getArticles() > 0 ? Map.entry(language, stats) : null)
                .forEach(e -> byLanguage.put(e.getKey(), e.getValue()));
        return byLanguage;
    }

    private <V, R> List<R> values(String storeName, BiFunction<String, V, R> map) {
        List<R> results = new ArrayList<>();
        try (KeyValueIterator<String, V> all = this.<V>store(storeName).all()) {
            while (all.hasNext()) {
                KeyValue<String, V> kv = all.next();
                R result = map.apply(kv.key, kv.value);
                if (result != null) {
                    results.add(result);
                }
            }
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException("the store " + storeName + " is not queryable now: " + e.getMessage(), e);
        }
        return results;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        requireRunning();
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name,
                    QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException("the store " + name + " is not queryable now: " + e.getMessage(), e);
        }
    }

}
