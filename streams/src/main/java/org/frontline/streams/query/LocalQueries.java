package org.frontline.streams.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.avro.state.LanguageStats;
import org.frontline.avro.state.SpeakerContribution;
import org.frontline.streams.FrontlineTopology;
import org.frontline.streams.tally.ArticleRecency;
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
        return values(FrontlineTopology.CASUALTY_STORE, (String key, CasualtyTally t) -> t);
    }

    public List<MonthlyTally> monthlyCasualties() {
        return values(FrontlineTopology.CASUALTY_MONTHLY_STORE, (String key, CasualtyTally t) ->
                new MonthlyTally(key.substring(key.lastIndexOf('|') + 1), t));
    }

    public List<SpeakerTally> speakers() {
        return values(FrontlineTopology.SPEAKER_STORE, (String key, SpeakerTally t) -> t);
    }

    /**
     * The speaker with this canonical key and the ids of at most {@code limit} articles that quote
     * them, most recent first; null when this instance has no such speaker.
     */
    public SpeakerDetail speaker(String canonicalKey, int limit) {
        SpeakerTally tally = this.<String, SpeakerTally>store(FrontlineTopology.SPEAKER_STORE).get(canonicalKey);
        if (tally == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<Bytes, SpeakerContribution> recent = this.<Bytes, SpeakerContribution>store(
                FrontlineTopology.SPEAKER_RECENCY_STORE).reverseRange(SpeakerTallies.first(canonicalKey),
                SpeakerTallies.last(canonicalKey))) {
            while (recent.hasNext() && ids.size() < limit) {
                ids.add(recent.next().value.getArticleId());
            }
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException("the speakers' index is not queryable now: " + e.getMessage(), e);
        }
        return new SpeakerDetail(tally, ids);
    }

    /** The enriched article with this id, or null when this instance has none. */
    public EnrichedArticle article(String id) {
        return this.<String, EnrichedArticle>store(FrontlineTopology.ARTICLES_STORE).get(id);
    }

    /**
     * The {@code limit} most recently ingested articles this instance holds, newest first: the last
     * entries of each local partition's recency index, merged.
     */
    public List<EnrichedArticle> latestArticles(int limit) {
        requireRunning();
        StateQueryResult<KeyValueIterator<Bytes, String>> result = streams.query(StateQueryRequest
                .inStore(FrontlineTopology.ARTICLE_RECENCY_STORE)
                .withQuery(RangeQuery.<Bytes, String>withRange(ArticleRecency.first(), ArticleRecency.last())
                        .withDescendingKeys()));
        List<KeyValue<Bytes, String>> newest = new ArrayList<>();
        for (QueryResult<KeyValueIterator<Bytes, String>> partition : result.getPartitionResults().values()) {
            if (partition.isFailure()) {
                throw new NotReadyException("the articles' index is not queryable now: "
                        + partition.getFailureMessage());
            }
            try (KeyValueIterator<Bytes, String> entries = partition.getResult()) {
                for (int i = 0; i < limit && entries.hasNext(); i++) {
                    newest.add(entries.next());
                }
            }
        }
        newest.sort(Comparator.comparing((KeyValue<Bytes, String> kv) -> kv.key).reversed());
        List<EnrichedArticle> articles = new ArrayList<>();
        for (KeyValue<Bytes, String> entry : newest.subList(0, Math.min(limit, newest.size()))) {
            EnrichedArticle article = article(entry.value);
            if (article != null) {
                articles.add(article);
            }
        }
        return articles;
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
        try (KeyValueIterator<String, V> all = this.<String, V>store(storeName).all()) {
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

    private <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
        requireRunning();
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name,
                    QueryableStoreTypes.<K, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException("the store " + name + " is not queryable now: " + e.getMessage(), e);
        }
    }

}
