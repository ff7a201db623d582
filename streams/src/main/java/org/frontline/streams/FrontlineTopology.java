package org.frontline.streams;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Initializer;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.frontline.avro.Article;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.state.CasualtyAggregate;
import org.frontline.avro.state.CasualtyContribution;
import org.frontline.avro.state.LanguageStats;
import org.frontline.avro.state.SpeakerAggregate;
import org.frontline.avro.state.SpeakerContribution;
import org.frontline.extract.SpeakerNames;
import org.frontline.schemas.AvroSerde;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.streams.enrich.EnrichProcessor;
import org.frontline.streams.enrich.EnrichProcessor.Outcome;
import org.frontline.streams.enrich.Enricher;
import org.frontline.streams.tally.CasualtyTallies;
import org.frontline.streams.tally.ContributionExploder;
import org.frontline.streams.tally.LanguageTallies;
import org.frontline.streams.tally.SpeakerTallies;

/**
 * Frontline's Kafka Streams topology: enrichment, then running tallies.
 *
 * <ul>
 *   <li>in: {@code articles.raw}, article id (String) to {@code Article} (Avro); a tombstone withdraws
 *       the article;</li>
 *   <li>out: {@code articles.enriched}, article id to {@code EnrichedArticle};</li>
 *   <li>out: {@code articles.dlq}, article id to {@code DeadLetter}, for records that cannot be enriched;</li>
 *   <li>out: {@code tallies.casualties}, {@code outcome|victims|party} to {@code CasualtyTally};</li>
 *   <li>out: {@code tallies.statements}, the speaker's canonical key to {@code SpeakerTally}.</li>
 * </ul>
 *
 * <p>The tallies come from a table of enriched articles keyed by article id: each version of an
 * article is split into one contribution per tally, and each tally is an aggregate with an adder
 * and a subtractor over those contributions, so republishing an article changes nothing and a
 * corrected version replaces its contribution.
 */
public final class FrontlineTopology {

    /** The table of enriched articles, by article id (queryable). */
    public static final String ARTICLES_STORE = "enriched-articles";
    /** Casualty aggregates by tally key (queryable). */
    public static final String CASUALTY_STORE = "casualty-tallies";
    /** Casualty aggregates by tally key and month, {@code outcome|victims|party|YYYY-MM} (queryable). */
    public static final String CASUALTY_MONTHLY_STORE = "casualty-monthly";
    /** Speaker aggregates by canonical speaker key (queryable). */
    public static final String SPEAKER_STORE = "speaker-tallies";
    /** Articles, statements and casualty figures per language (queryable). */
    public static final String LANGUAGE_STORE = "language-stats";

    private FrontlineTopology() {
    }

    /** Builds the topology; no I/O. */
    public static Topology build(FrontlineTopics topics, Enricher enricher, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        enrichment(builder, topics, enricher, clock);

        KTable<String, EnrichedArticle> articles = builder.table(topics.enriched().name(),
                Consumed.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
                        .withName("enriched-articles-source"),
                Materialized.<String, EnrichedArticle>as(Stores.persistentKeyValueStore(ARTICLES_STORE))
                        .withKeySerde(topics.enriched().keySerde())
                        .withValueSerde(topics.enriched().valueSerde()));
        KStream<String, EnrichedArticle> versions = articles.toStream(Named.as("article-versions"));

        AvroSerde<CasualtyContribution> casualtySerde = AvroSerde.of(CasualtyContribution.class);
        KTable<String, CasualtyContribution> casualties = contributions(builder, "casualty", versions,
                CasualtyTallies::contributions, casualtySerde);
        aggregate(casualties, "casualty-by-tally", "casualty-aggregate", CasualtyTallies::key, casualtySerde,
                AvroSerde.of(CasualtyAggregate.class), CASUALTY_STORE,
                CasualtyTallies::empty, CasualtyTallies::add, CasualtyTallies::subtract)
                .mapValues(CasualtyTallies::tally, Named.as("casualty-tally"))
                .toStream(Named.as("casualty-tally-changes"))
                .to(topics.casualties().name(), Produced.with(topics.casualties().keySerde(),
                        topics.casualties().valueSerde()).withName("casualty-tallies-sink"));
        // The same figures per month of publication, for charts; queryable, not written to a topic.
        aggregate(casualties, "casualty-by-month", "casualty-monthly-aggregate", CasualtyTallies::monthKey,
                casualtySerde,
                AvroSerde.of(CasualtyAggregate.class), CASUALTY_MONTHLY_STORE,
                CasualtyTallies::empty, CasualtyTallies::add, CasualtyTallies::subtract);

        AvroSerde<SpeakerContribution> speakerSerde = AvroSerde.of(SpeakerContribution.class);
        KTable<String, SpeakerContribution> speakers = contributions(builder, "speaker", versions,
                SpeakerTallies::contributions, speakerSerde);
        aggregate(speakers, "speaker-by-tally", "speaker-aggregate", c -> SpeakerNames.canonicalKey(c.getSpeaker()),
                speakerSerde,
                AvroSerde.of(SpeakerAggregate.class), SPEAKER_STORE,
                SpeakerTallies::empty, SpeakerTallies::add, SpeakerTallies::subtract)
                .mapValues(SpeakerTallies::tally, Named.as("speaker-tally"))
                .toStream(Named.as("speaker-tally-changes"))
                .to(topics.statements().name(), Produced.with(topics.statements().keySerde(),
                        topics.statements().valueSerde()).withName("speaker-tallies-sink"));

        AvroSerde<LanguageStats> statsSerde = AvroSerde.of(LanguageStats.class);
        articles.groupBy((id, article) -> KeyValue.pair(article.getLanguage(), LanguageTallies.of(article)),
                        Grouped.with("articles-by-language", Serdes.String(), statsSerde))
                .aggregate(LanguageTallies::empty, (language, stats, total) -> LanguageTallies.add(total, stats),
                        (language, stats, total) -> LanguageTallies.subtract(total, stats),
                        Named.as("language-stats-aggregate"),
                        Materialized.<String, LanguageStats>as(Stores.persistentKeyValueStore(LANGUAGE_STORE))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(statsSerde));

        return builder.build();
    }

    private static void enrichment(StreamsBuilder builder, FrontlineTopics topics, Enricher enricher, Clock clock) {
        AvroSerde<Article> articleSerde = AvroSerde.of(Article.class);
        // Values are read as bytes so that a record that cannot be decoded becomes a dead letter.
        builder.stream(topics.raw().name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("articles-raw"))
                .processValues(() -> new EnrichProcessor(articleSerde, enricher, clock), Named.as("enrich"))
                .split(Named.as("enrich-"))
                .branch((id, outcome) -> outcome instanceof Outcome.Failed, Branched.withConsumer(failed -> failed
                        .mapValues(outcome -> ((Outcome.Failed) outcome).letter(), Named.as("dead-letter"))
                        .to(topics.deadLetter().name(), Produced.with(topics.deadLetter().keySerde(),
                                topics.deadLetter().valueSerde()).withName("dead-letter-sink")), "failed"))
                .defaultBranch(Branched.withConsumer(done -> done
                        .mapValues(outcome -> outcome instanceof Outcome.Enriched e ? e.article() : null,
                                Named.as("enriched"))
                        .to(topics.enriched().name(), Produced.with(topics.enriched().keySerde(),
                                topics.enriched().valueSerde()).withName("enriched-sink")), "done"));
    }

    /** Each version of each article split into its contributions, one per tally, as a table. */
    private static <C> KTable<String, C> contributions(
            StreamsBuilder builder, String kind, KStream<String, EnrichedArticle> versions,
            Function<EnrichedArticle, Map<String, C>> contributions, Serde<C> contributionSerde) {
        String keysStore = kind + "-contribution-keys";
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(keysStore),
                Serdes.String(), Serdes.ListSerde(ArrayList.class, Serdes.String())));
        return versions
                .process(() -> new ContributionExploder<>(keysStore, contributions),
                        Named.as(kind + "-contributions"), keysStore)
                .toTable(Named.as(kind + "-contribution-table"),
                        Materialized.<String, C>as(Stores.persistentKeyValueStore(kind + "-contributions"))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(contributionSerde));
    }

    /** One aggregate per key of {@code key} over the contributions, with an exact adder and subtractor. */
    private static <C, A> KTable<String, A> aggregate(
            KTable<String, C> contributions, String groupedName, String aggregateName, Function<C, String> key,
            Serde<C> contributionSerde, Serde<A> aggregateSerde, String storeName,
            Initializer<A> empty, BiFunction<C, A, A> add, BiFunction<C, A, A> subtract) {
        return contributions
                .groupBy((articleAndKey, c) -> KeyValue.pair(key.apply(c), c),
                        Grouped.with(groupedName, Serdes.String(), contributionSerde))
                .aggregate(empty, (k, c, aggregate) -> add.apply(c, aggregate),
                        (k, c, aggregate) -> subtract.apply(c, aggregate),
                        Named.as(aggregateName),
                        Materialized.<String, A>as(Stores.persistentKeyValueStore(storeName))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(aggregateSerde));
    }
}
