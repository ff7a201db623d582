package org.frontline.streams;

import java.time.Clock;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.frontline.avro.Article;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.avro.state.ArticleContributions;
import org.frontline.avro.state.CasualtyChange;
import org.frontline.avro.state.CasualtyContribution;
import org.frontline.avro.state.LanguageStats;
import org.frontline.avro.state.SpeakerChange;
import org.frontline.avro.state.SpeakerContribution;
import org.frontline.schemas.AvroSerde;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.streams.enrich.EnrichProcessor;
import org.frontline.streams.enrich.EnrichProcessor.Outcome;
import org.frontline.streams.enrich.Enricher;
import org.frontline.streams.tally.ArticleRecency;
import org.frontline.streams.tally.CasualtyTallyProcessor;
import org.frontline.streams.tally.ContributionChanges;
import org.frontline.streams.tally.ContributionChanges.Change;
import org.frontline.streams.tally.LanguageTallies;
import org.frontline.streams.tally.SpeakerTallies;
import org.frontline.streams.tally.SpeakerTallyProcessor;

/**
 * Frontline's Kafka Streams topology: enrichment, then running tallies.
 *
 * <ul>
 *   <li>in: {@code articles.raw}, article id (String) to {@code Article} (Avro); a tombstone withdraws
 *       the article;</li>
 *   <li>out: {@code articles.enriched}, article id to {@code EnrichedArticle}; read back as the table of
 *       articles (the topic is the table's changelog);</li>
 *   <li>out: {@code articles.dlq}, article id to {@code DeadLetter}, for records that cannot be enriched;</li>
 *   <li>out: {@code tallies.casualties}, {@code outcome|victims|party} to {@code CasualtyTally};</li>
 *   <li>out: {@code tallies.statements}, the speaker's canonical key to {@code SpeakerTally}.</li>
 * </ul>
 *
 * <p>Each version of an article becomes changes of the tallies it counts in ({@link ContributionChanges}:
 * its contribution before and after, only where it differs). One record per article in the
 * {@value #CONTRIBUTIONS_STORE} store holds its current contributions to casualty and speaker tallies
 * alike, so a version costs one read and at most one write there, however many tallies it touches. The
 * changes are split by kind and repartitioned by tally key ({@code casualty-changes-by-tally},
 * {@code speaker-changes-by-speaker}); a tally processor applies each change with a fixed number of store
 * operations, so an article costs the same whether it is the first or the millionth to touch a tally.
 * Republishing an article changes nothing, and a corrected or withdrawn version replaces or removes its
 * contribution exactly.
 */
public final class FrontlineTopology {

    /** The table of enriched articles, by article id (queryable). */
    public static final String ARTICLES_STORE = "enriched-articles";
    /** Article ids by ingestion time, {@link ArticleRecency#key} (queryable). */
    public static final String ARTICLE_RECENCY_STORE = "articles-by-ingestion";
    /** Casualty tallies by tally key (queryable). */
    public static final String CASUALTY_STORE = "casualty-tallies";
    /** Casualty tallies by tally key and month, {@code outcome|victims|party|YYYY-MM} (queryable). */
    public static final String CASUALTY_MONTHLY_STORE = "casualty-monthly";
    /** Each article's current contributions to the tallies, by article id, {@code ArticleContributions}. */
    public static final String CONTRIBUTIONS_STORE = "article-contributions";
    /** Speaker tallies by canonical speaker key (queryable). */
    public static final String SPEAKER_STORE = "speaker-tallies";
    /** Speakers' contributions by recency, {@link SpeakerTallies#recencyKey} (queryable). */
    public static final String SPEAKER_RECENCY_STORE = "speaker-recency";
    /** Articles, statements and casualty figures per language (queryable). */
    public static final String LANGUAGE_STORE = "language-stats";

    private FrontlineTopology() {
    }

    /**
     * Builds the topology; no I/O. {@code config} is the application's Kafka Streams configuration:
     * the topology takes its naming check and optimisations from it.
     */
    public static Topology build(FrontlineTopics topics, Enricher enricher, Clock clock, Properties config) {
        Properties topologyConfig = new Properties();
        topologyConfig.putAll(config);
        // The enriched topic is compacted and holds exactly the table: it serves as the table's changelog.
        topologyConfig.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(topologyConfig)));
        KStream<String, EnrichedArticle> enriched = enrichment(builder, topics, enricher, clock,
                StreamsSettings.maxRecordBytes(config));

        KTable<String, EnrichedArticle> articles = builder.table(topics.enriched().name(),
                Consumed.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
                        .withName("enriched-articles-source"),
                Materialized.<String, EnrichedArticle>as(Stores.persistentKeyValueStore(ARTICLES_STORE))
                        .withKeySerde(topics.enriched().keySerde())
                        .withValueSerde(topics.enriched().valueSerde()));
        KStream<String, EnrichedArticle> versions = articles.toStream(Named.as("article-versions"));

        String positions = "article-recency-positions";
        builder.addStateStore(persistent(ARTICLE_RECENCY_STORE, Serdes.Bytes(), Serdes.String()));
        builder.addStateStore(persistent(positions, Serdes.String(), Serdes.Long()));
        versions.process(() -> new ArticleRecency(ARTICLE_RECENCY_STORE, positions), Named.as("article-recency"),
                ARTICLE_RECENCY_STORE, positions);

        // The tallies take each version straight from enrichment, in the same task and transaction, rather
        // than from the table: one commit fewer between an article and its tallies.
        builder.addStateStore(persistent(CONTRIBUTIONS_STORE, Serdes.String(),
                AvroSerde.of(ArticleContributions.class)));
        Map<String, KStream<String, Change>> changes = enriched
                .process(() -> new ContributionChanges(CONTRIBUTIONS_STORE), Named.as("contribution-changes"),
                        CONTRIBUTIONS_STORE)
                // One read of an article's contributions serves both kinds of tally; the changes then part.
                .split(Named.as("contribution-changes-"))
                .branch((tally, change) -> change instanceof Change.Casualty, Branched.as("casualty"))
                .branch((tally, change) -> change instanceof Change.Speaker, Branched.as("speaker"))
                .noDefaultBranch();
        casualtyTallies(builder, topics, changes.get("contribution-changes-casualty")
                .mapValues(change -> ((Change.Casualty) change).change(), Named.as("casualty-changes")));
        speakerTallies(builder, topics, changes.get("contribution-changes-speaker")
                .mapValues(change -> ((Change.Speaker) change).change(), Named.as("speaker-changes")));

        AvroSerde<LanguageStats> statsSerde = AvroSerde.of(LanguageStats.class);
        articles.groupBy((id, article) -> KeyValue.pair(article.getLanguage(), LanguageTallies.of(article)),
                        Grouped.with("articles-by-language", Serdes.String(), statsSerde))
                .aggregate(LanguageTallies::empty, (language, stats, total) -> LanguageTallies.add(total, stats),
                        (language, stats, total) -> LanguageTallies.subtract(total, stats),
                        Named.as("language-stats-aggregate"),
                        Materialized.<String, LanguageStats>as(Stores.persistentKeyValueStore(LANGUAGE_STORE))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(statsSerde));

        return builder.build(topologyConfig);
    }

    /** Enrichment, its dead letters and the enriched topic; returns the stream of enriched versions. */
    private static KStream<String, EnrichedArticle> enrichment(StreamsBuilder builder, FrontlineTopics topics,
            Enricher enricher, Clock clock, int maxRecordBytes) {
        AvroSerde<Article> articleSerde = AvroSerde.of(Article.class);
        AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.of(EnrichedArticle.class);
        // Values are read as bytes so that a record that cannot be decoded becomes a dead letter.
        Map<String, KStream<String, Outcome>> outcomes = builder.stream(topics.raw().name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("articles-raw"))
                .processValues(() -> new EnrichProcessor(articleSerde, enrichedSerde, enricher, clock, maxRecordBytes),
                        Named.as("enrich"))
                .split(Named.as("enrich-"))
                .branch((id, outcome) -> outcome instanceof Outcome.Failed, Branched.as("failed"))
                .defaultBranch(Branched.as("done"));
        outcomes.get("enrich-failed")
                .mapValues(outcome -> ((Outcome.Failed) outcome).letter(), Named.as("dead-letter"))
                .to(topics.deadLetter().name(), Produced.with(topics.deadLetter().keySerde(),
                        topics.deadLetter().valueSerde()).withName("dead-letter-sink"));
        // A withdrawn article is a tombstone here, as on the topic.
        KStream<String, EnrichedArticle> enriched = outcomes.get("enrich-done")
                .mapValues(outcome -> outcome instanceof Outcome.Enriched e ? e.article() : null, Named.as("enriched"));
        enriched.to(topics.enriched().name(), Produced.with(topics.enriched().keySerde(),
                topics.enriched().valueSerde()).withName("enriched-sink"));
        return enriched;
    }

    private static void casualtyTallies(StreamsBuilder builder, FrontlineTopics topics,
            KStream<String, CasualtyChange> changes) {
        AvroSerde<CasualtyContribution> contributionSerde = AvroSerde.of(CasualtyContribution.class);
        AvroSerde<CasualtyTally> tallySerde = AvroSerde.of(CasualtyTally.class);
        String cumulative = "casualty-cumulative-index";
        builder.addStateStore(cached(CASUALTY_STORE, Serdes.String(), tallySerde));
        builder.addStateStore(cached(CASUALTY_MONTHLY_STORE, Serdes.String(), tallySerde));
        builder.addStateStore(persistent(cumulative, Serdes.Bytes(), contributionSerde));
        changes
                // Every change of one tally goes to the task that owns the tally.
                .repartition(Repartitioned.<String, CasualtyChange>as("casualty-changes-by-tally")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(AvroSerde.of(CasualtyChange.class)))
                .process(() -> new CasualtyTallyProcessor(CASUALTY_STORE, CASUALTY_MONTHLY_STORE, cumulative),
                        Named.as("casualty-tally"), CASUALTY_STORE, CASUALTY_MONTHLY_STORE, cumulative)
                .to(topics.casualties().name(), Produced.with(topics.casualties().keySerde(),
                        topics.casualties().valueSerde()).withName("casualty-tallies-sink"));
    }

    private static void speakerTallies(StreamsBuilder builder, FrontlineTopics topics,
            KStream<String, SpeakerChange> changes) {
        SpeakerTallyProcessor.Stores stores = new SpeakerTallyProcessor.Stores(SPEAKER_STORE, SPEAKER_RECENCY_STORE,
                "speaker-spelling-counts");
        builder.addStateStore(cached(stores.tallies(), Serdes.String(), AvroSerde.of(SpeakerTally.class)));
        builder.addStateStore(persistent(stores.recency(), Serdes.Bytes(), AvroSerde.of(SpeakerContribution.class)));
        builder.addStateStore(cached(stores.spellingCounts(), Serdes.String(), Serdes.Integer()));
        changes
                // Every change of one speaker's tally goes to the task that owns the speaker.
                .repartition(Repartitioned.<String, SpeakerChange>as("speaker-changes-by-speaker")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(AvroSerde.of(SpeakerChange.class)))
                .process(() -> new SpeakerTallyProcessor(stores), Named.as("speaker-tally"),
                        stores.tallies(), stores.recency(), stores.spellingCounts())
                .to(topics.statements().name(), Produced.with(topics.statements().keySerde(),
                        topics.statements().valueSerde()).withName("speaker-tallies-sink"));
    }

    /**
     * A persistent store without a record cache: the stores read backwards (the recency and cumulative
     * indexes, for the latest entry of a tally's range) and those whose keys are each written once or twice
     * (an article's own entries), where a cache would fold nothing.
     *
     * <p>Kafka Streams 4.3.1 reads a cached store backwards wrongly: {@code reverseRange} over a key that was
     * put and deleted since the last commit returns that key with a null value, and a key deleted from the
     * cache but still on disk can come back ({@code AbstractMergedSortedCacheStoreIterator#hasNext} compares
     * keys as if reading forwards). docs/reliability.md, finding 1, has the reproduction; with the cache on
     * the indexes, a speaker's latest quotation came back null and the instance stopped.
     */
    private static <K, V> StoreBuilder<KeyValueStore<K, V>> persistent(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values).withCachingDisabled();
    }

    /**
     * A persistent store with Kafka Streams' record cache: the tallies, read by key (and forwards, by
     * prefix), each written by many articles. The cache folds a tally's writes between two commits into one
     * write to RocksDB and one changelog record; the processors still forward every change.
     */
    private static <K, V> StoreBuilder<KeyValueStore<K, V>> cached(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values).withCachingEnabled();
    }
}
