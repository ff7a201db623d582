package org.frontline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.frontline.avro.Article;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.DeadLetter;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.avro.state.ArticleContributions;
import org.frontline.extract.SpeakerNames;
import org.frontline.schemas.AvroSerde;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;
import org.frontline.schemas.testing.TestArticles;
import org.frontline.streams.enrich.Enricher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology on TopologyTestDriver, with a scripted extractor: each body line is
 * {@code figure OUTCOME VICTIMS PARTY COUNT [cumulative]} or {@code quote SPEAKER: WORDS}, so the
 * tests control exactly what each article contributes.
 */
class FrontlineTopologyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path stateDir;

    private final FrontlineTopics topics = FrontlineTopics.named(TopicNames.defaults());
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private TestOutputTopic<String, CasualtyTally> casualties;
    private TestOutputTopic<String, SpeakerTally> speakers;

    @BeforeEach
    void startDriver() {
        Properties config = StreamsSettings.from(new Properties(), stateDir, 1).streams();
        config.put("bootstrap.servers", "unused:9092");
        driver = new TopologyTestDriver(FrontlineTopology.build(topics,
                new Enricher(ScriptedExtraction::of, CLOCK), CLOCK, config), config);
        raw = driver.createInputTopic(topics.raw().name(), Serdes.String().serializer(),
                topics.raw().valueSerde().serializer());
        rawBytes = driver.createInputTopic(topics.raw().name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(topics.enriched().name(), Serdes.String().deserializer(),
                topics.enriched().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter().name(), Serdes.String().deserializer(),
                topics.deadLetter().valueSerde().deserializer());
        casualties = driver.createOutputTopic(topics.casualties().name(), Serdes.String().deserializer(),
                topics.casualties().valueSerde().deserializer());
        speakers = driver.createOutputTopic(topics.statements().name(), Serdes.String().deserializer(),
                topics.statements().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void enrichesAnArticleAndTalliesItsFiguresAndStatements() {
        publish("a1", "2022-11", "figure killed civilians UA 3", "figure killed civilians UA 6655 cumulative",
                "quote Jens Stoltenberg: NATO is here", "quote Jens Stoltenberg: NATO is vigilant today");

        EnrichedArticle article = enriched.readValue();
        assertThat(article.getArticle().getId()).isEqualTo("a1");
        assertThat(article.getCasualties()).hasSize(2);
        CasualtyTally killed = latest(casualties).get("killed|civilians|UA");
        assertThat(killed.getIncidentTotal()).isEqualTo(3);
        assertThat(killed.getLatestCumulative()).isEqualTo(6655L);
        assertThat(killed.getLatestCumulativeArticle()).isEqualTo("a1");
        assertThat(killed.getLatestCumulativePublished()).isEqualTo("2022-11");
        assertThat(killed.getLatestCumulativeTitle()).isEqualTo("Title of a1");
        assertThat(killed.getReports()).isEqualTo(2);
        assertThat(killed.getArticles()).isEqualTo(1);
        SpeakerTally jens = latest(speakers).get(key("Jens Stoltenberg"));
        assertThat(jens.getStatements()).isEqualTo(2);
        assertThat(jens.getLatestQuote()).isEqualTo("NATO is vigilant today");
    }

    @Test
    void republishedArticleLeavesTalliesUnchanged() {
        publish("a1", "2022-11", "figure killed civilians UA 3", "quote Dmitry Peskov: we will see later");
        publish("a2", "2022-12", "figure killed civilians UA 2", "figure injured civilians - 5");
        Map<String, CasualtyTally> before = latest(casualties);
        Map<String, SpeakerTally> speakersBefore = latest(speakers);

        publish("a1", "2022-11", "figure killed civilians UA 3", "quote Dmitry Peskov: we will see later");

        assertThat(casualties.isEmpty()).as("an unchanged article sends no casualty tally change").isTrue();
        assertThat(speakers.isEmpty()).as("an unchanged article sends no speaker tally change").isTrue();
        assertThat(before.get("killed|civilians|UA").getIncidentTotal()).isEqualTo(5);
        assertThat(before.get("killed|civilians|UA").getArticles()).isEqualTo(2);
        assertThat(speakersBefore.get(key("Dmitry Peskov")).getStatements()).isEqualTo(1);
    }

    @Test
    void correctedArticleReplacesItsContribution() {
        publish("a1", "2022-11", "figure killed civilians UA 3", "figure killed civilians UA 9000 cumulative",
                "quote Oleg Synegubov: the enemy keeps shelling");
        publish("a2", "2022-11", "figure killed civilians UA 1", "figure killed civilians UA 6000 cumulative");
        Map<String, CasualtyTally> tallies = latest(casualties);
        latest(speakers);

        publish("a1", "2022-11", "figure killed civilians UA 4", "figure injured civilians UA 2");

        Map<String, CasualtyTally> corrected = merge(tallies, latest(casualties));
        assertThat(corrected.get("killed|civilians|UA").getIncidentTotal()).isEqualTo(5);
        assertThat(corrected.get("killed|civilians|UA").getLatestCumulative())
                .as("the corrected article no longer reports 9000").isEqualTo(6000L);
        assertThat(corrected.get("killed|civilians|UA").getLatestCumulativeArticle()).isEqualTo("a2");
        assertThat(corrected.get("injured|civilians|UA").getIncidentTotal()).isEqualTo(2);
        Map<String, SpeakerTally> speakerChanges = readAll(speakers);
        assertThat(speakerChanges).containsEntry(key("Oleg Synegubov"), null);
    }

    @Test
    void spellingsOfOneSpeakerAcrossArticlesAreOneTally() {
        publish("a1", "2024-12", "quote Dmitry Peskov: guarantees of mutual security",
                "quote Dmitry Peskov: the need for crisis management");
        publish("a2", "2024-12", "quote Dmitri Peskov: these decisions are for the presidents");
        publish("a3", "2024-11", "quote Boris Johnson: we stand with Ukraine");
        publish("a4", "2024-11", "quote Mike Johnson: the House will vote later");

        Map<String, SpeakerTally> tallies = readAll(speakers);
        SpeakerTally peskov = tallies.get(key("Dmitry Peskov"));
        assertThat(peskov.getStatements()).isEqualTo(3);
        assertThat(peskov.getArticles()).isEqualTo(2);
        assertThat(peskov.getSpeaker()).as("the spelling most statements use").isEqualTo("Dmitry Peskov");
        assertThat(tallies.get(key("Boris Johnson")).getStatements()).isEqualTo(1);
        assertThat(tallies.get(key("Mike Johnson")).getStatements()).isEqualTo(1);
    }

    @Test
    void withdrawnArticleLeavesTheTallies() {
        publish("a1", "2022-11", "figure missing military RU 12");
        assertThat(latest(casualties)).containsKey("missing|military|RU");

        raw.pipeInput("a1", null);

        assertThat(readAll(casualties)).containsEntry("missing|military|RU", null);
        assertThat(readAll(enriched)).containsEntry("a1", null);
    }

    @Test
    void latestCumulativeFigureFallsBackWhenItsArticleIsWithdrawn() {
        publish("a1", "2022-11", "figure killed civilians UA 9000 cumulative");
        publish("a2", "2022-11", "figure killed civilians UA 6000 cumulative", "figure killed civilians UA 2");
        publish("a3", "2022-12", "figure killed civilians UA 9000 cumulative");
        CasualtyTally tally = latest(casualties).get("killed|civilians|UA");
        assertThat(tally.getLatestCumulativeArticle()).as("the later of two equal figures").isEqualTo("a3");
        assertThat(tally.getArticles()).isEqualTo(3);

        raw.pipeInput("a3", null);
        assertThat(latest(casualties).get("killed|civilians|UA").getLatestCumulativeArticle()).isEqualTo("a1");

        raw.pipeInput("a1", null);
        tally = latest(casualties).get("killed|civilians|UA");
        assertThat(tally.getLatestCumulative()).isEqualTo(6000L);
        assertThat(tally.getLatestCumulativeTitle()).isEqualTo("Title of a2");
        assertThat(tally.getIncidentTotal()).isEqualTo(2);
        assertThat(tally.getReports()).isEqualTo(2);
        assertThat(tally.getArticles()).isEqualTo(1);

        publish("a2", "2022-11", "figure killed civilians UA 2");
        tally = latest(casualties).get("killed|civilians|UA");
        assertThat(tally.getLatestCumulative()).as("no article reports a cumulative figure").isNull();
        assertThat(tally.getLatestCumulativeArticle()).isNull();
        assertThat(tally.getIncidentTotal()).isEqualTo(2);
    }

    @Test
    void speakerTallyFollowsItsArticlesExactlyAsTheyLeave() {
        publish("a1", "2024-11", "quote Dmitri Peskov: first words");
        publish("a2", "2024-12", "quote Dmitry Peskov: second words", "quote Dmitry Peskov: latest words");
        publish("a3", "2024-10", "quote Dmitri Peskov: early words", "quote Dmitri Peskov: more early words");
        SpeakerTally peskov = latest(speakers).get(key("Dmitry Peskov"));
        assertThat(peskov.getSpeaker()).as("three statements against two").isEqualTo("Dmitri Peskov");
        assertThat(peskov.getStatements()).isEqualTo(5);
        assertThat(peskov.getArticles()).isEqualTo(3);
        assertThat(peskov.getFirstPublished()).isEqualTo("2024-10");
        assertThat(peskov.getLastPublished()).isEqualTo("2024-12");
        assertThat(peskov.getLatestQuote()).isEqualTo("latest words");

        raw.pipeInput("a3", null);
        peskov = latest(speakers).get(key("Dmitry Peskov"));
        assertThat(peskov.getSpeaker()).as("two statements against one").isEqualTo("Dmitry Peskov");
        assertThat(peskov.getFirstPublished()).isEqualTo("2024-11");

        raw.pipeInput("a2", null);
        peskov = latest(speakers).get(key("Dmitry Peskov"));
        assertThat(peskov.getSpeaker()).isEqualTo("Dmitri Peskov");
        assertThat(peskov.getStatements()).isEqualTo(1);
        assertThat(peskov.getLastPublished()).isEqualTo("2024-11");
        assertThat(peskov.getLatestQuote()).isEqualTo("first words");
    }

    @Test
    void monthlyTallyFollowsAnArticleWhoseDateIsCorrected() {
        publish("a1", "2022-11-03", "figure killed civilians UA 3");
        publish("a2", "2022-11-20", "figure killed civilians UA 4");
        KeyValueStore<String, CasualtyTally> monthly =
                driver.getKeyValueStore(FrontlineTopology.CASUALTY_MONTHLY_STORE);
        assertThat(monthly.get("killed|civilians|UA|2022-11").getIncidentTotal()).isEqualTo(7);

        publish("a1", "2022-12-01", "figure killed civilians UA 3");

        assertThat(monthly.get("killed|civilians|UA|2022-11").getIncidentTotal()).isEqualTo(4);
        assertThat(monthly.get("killed|civilians|UA|2022-12").getIncidentTotal()).isEqualTo(3);
        raw.pipeInput("a2", null);
        assertThat(monthly.get("killed|civilians|UA|2022-11")).as("no article counts in that month").isNull();
    }

    @Test
    void hotTallyStaysTheSameSizeHoweverManyArticlesShareIt() {
        int articles = 3_000;
        for (int i = 1; i <= articles; i++) {
            publish("a" + i, LocalDate.of(2015, 1, 1).plusDays(i).toString(), "figure killed civilians UA 1",
                    "figure killed civilians UA " + (1000 + i) + " cumulative",
                    "quote Hot Speaker: statement number " + i);
        }
        AvroSerde<CasualtyTally> casualtySerde = AvroSerde.of(CasualtyTally.class);
        AvroSerde<SpeakerTally> speakerSerde = AvroSerde.of(SpeakerTally.class);
        List<KeyValue<String, CasualtyTally>> changes = casualties.readKeyValuesToList();
        assertThat(changes).hasSize(articles);
        assertThat(changes).allSatisfy(kv -> assertThat(casualtySerde.serializer().serialize("t", kv.value))
                .hasSizeLessThan(256));
        CasualtyTally killed = changes.get(changes.size() - 1).value;
        assertThat(killed.getIncidentTotal()).isEqualTo(articles);
        assertThat(killed.getReports()).isEqualTo(2 * articles);
        assertThat(killed.getLatestCumulative()).isEqualTo(1000L + articles);

        List<KeyValue<String, SpeakerTally>> speakerChanges = speakers.readKeyValuesToList();
        assertThat(speakerChanges).allSatisfy(kv -> assertThat(speakerSerde.serializer().serialize("t", kv.value))
                .hasSizeLessThan(256));
        SpeakerTally hot = speakerChanges.get(speakerChanges.size() - 1).value;
        assertThat(hot.getStatements()).isEqualTo(articles);
        assertThat(hot.getLatestQuote()).isEqualTo("statement number " + articles);
    }

    @Test
    void recencyIndexHoldsOneEntryPerArticle() {
        publish("a1", "2022-11", "figure killed civilians UA 3");
        publish("a2", "2022-11", "figure killed civilians UA 4");
        publish("a1", "2022-11", "figure killed civilians UA 5");
        KeyValueStore<Bytes, String> index = driver.getKeyValueStore(FrontlineTopology.ARTICLE_RECENCY_STORE);
        assertThat(values(index)).containsExactlyInAnyOrder("a1", "a2");

        raw.pipeInput("a1", null);

        assertThat(values(index)).containsExactly("a2");
    }

    @Test
    void contributionsStoreHoldsOneEntryPerArticleThatCountsInATally() {
        publish("a1", "2022-11", "figure killed civilians UA 3", "quote Dmitry Peskov: we will see later");
        publish("a2", "2022-11", "no figure and no quote here");
        publish("a1", "2022-11", "figure killed civilians UA 3", "figure injured civilians UA 2",
                "quote Dmitry Peskov: we will see later");
        KeyValueStore<String, ArticleContributions> contributions =
                driver.getKeyValueStore(FrontlineTopology.CONTRIBUTIONS_STORE);
        assertThat(keys(contributions)).containsExactly("a1");
        assertThat(contributions.get("a1").getCasualties()).containsOnlyKeys("killed|civilians|UA",
                "injured|civilians|UA");
        assertThat(contributions.get("a1").getSpeakers()).containsOnlyKeys(key("Dmitry Peskov"));

        raw.pipeInput("a1", null);

        assertThat(keys(contributions)).isEmpty();
    }

    @Test
    void everyProcessorStoreAndInternalTopicHasAnExplicitName() {
        Properties config = StreamsSettings.from(new Properties(), stateDir, 1).streams();
        config.put("bootstrap.servers", "unused:9092");
        String description = FrontlineTopology.build(topics, new Enricher(ScriptedExtraction::of, CLOCK),
                CLOCK, config).describe().toString();

        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-", "-STATE-STORE-");
        assertThat(config.get("ensure.explicit.internal.resource.naming")).isEqualTo(true);
    }

    private static <V> List<String> keys(KeyValueStore<String, V> store) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    private static List<String> values(KeyValueStore<Bytes, String> store) {
        List<String> values = new ArrayList<>();
        try (KeyValueIterator<Bytes, String> all = store.all()) {
            all.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndProcessingGoesOn() {
        rawBytes.pipeInput("bad", "this is not an Avro article".getBytes());
        publish("a1", "2022-11", "figure captured military RU 7");

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getTopic()).isEqualTo(topics.raw().name());
        assertThat(letter.getOffset()).isZero();
        assertThat(letter.getError()).contains("not Avro single-object encoded Article");
        assertThat(new String(letter.getValue().array())).isEqualTo("this is not an Avro article");
        assertThat(latest(casualties).get("captured|military|RU").getIncidentTotal()).isEqualTo(7);
    }

    @Test
    void recordWithAnUnknownSchemaFingerprintIsADeadLetterWithTheReason() {
        byte[] bytes = TestArticles.encoded(TestArticles.article("a9").setTitle(null)
                .setBody("figure killed civilians UA 3").setIngestedAt(CLOCK.instant()).build());
        bytes[2] ^= 0x7F; // a fingerprint no released schema has

        rawBytes.pipeInput("a9", bytes);
        publish("a1", "2022-11", "figure killed civilians UA 3");

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getError()).contains("not a released Article schema");
        assertThat(letter.getValue().array()).isEqualTo(bytes);
        assertThat(latest(casualties).get("killed|civilians|UA").getIncidentTotal()).isEqualTo(3);
    }

    @Test
    void extractorFailureOnOneArticleIsADeadLetterNotAStop() {
        publish("a1", "2022-11", "explode");
        publish("a2", "2022-11", "figure killed military RU 860");

        assertThat(deadLetters.readValue().getError()).contains("scripted extractor failure");
        assertThat(latest(casualties).get("killed|military|RU").getIncidentTotal()).isEqualTo(860);
    }

    private static String key(String speaker) {
        return SpeakerNames.canonicalKey(speaker);
    }

    private void publish(String id, String published, String... lines) {
        raw.pipeInput(id, TestArticles.article(id).setBody(String.join("\n", lines)).setPublished(published)
                .setIngestedAt(CLOCK.instant()).build());
    }

    private static <V> Map<String, V> latest(TestOutputTopic<String, V> topic) {
        return topic.readKeyValuesToMap();
    }

    private static <V> Map<String, V> readAll(TestOutputTopic<String, V> topic) {
        Map<String, V> last = new java.util.HashMap<>();
        topic.readKeyValuesToList().forEach(kv -> last.put(kv.key, kv.value));
        return last;
    }

    private static <V> Map<String, V> merge(Map<String, V> before, Map<String, V> changes) {
        Map<String, V> merged = new java.util.HashMap<>(before);
        merged.putAll(changes);
        return merged;
    }
}
