package org.frontline.streams.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.frontline.avro.CasualtyFigure;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.Statement;
import org.frontline.avro.state.ArticleContributions;
import org.frontline.avro.state.CasualtyChange;
import org.frontline.avro.state.SpeakerChange;
import org.frontline.extract.SpeakerNames;
import org.frontline.schemas.AvroSerde;
import org.frontline.schemas.testing.TestArticles;
import org.frontline.streams.tally.ContributionChanges.Change;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ContributionChanges} on a mock context with a store that goes through the Avro serde, as the
 * application's does, so contributions read back are compared with freshly extracted ones.
 */
class ContributionChangesTest {

    private static final String STORE = "article-contributions";
    private static final String KILLED = "killed|civilians|UA";
    private static final String INJURED = "injured|civilians|UA";
    private static final String CAPTURED = "captured|military|RU";
    private static final String PESKOV = SpeakerNames.canonicalKey("Dmitry Peskov");
    private static final String ZELENSKY = SpeakerNames.canonicalKey("Volodymyr Zelensky");
    private static final String STOLTENBERG = SpeakerNames.canonicalKey("Jens Stoltenberg");

    private MockProcessorContext<String, Change> context;
    private KeyValueStore<String, ArticleContributions> store;
    private ContributionChanges processor;

    @BeforeEach
    void initProcessor() {
        context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(),
                        AvroSerde.of(ArticleContributions.class))
                .withLoggingDisabled()
                .withCachingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        processor = new ContributionChanges(STORE);
        processor.init(context);
    }

    @Test
    void firstVersionEntersEveryTallyItCountsIn() {
        process("a1", article("a1", List.of(killed(3), killed(2), injured(5)),
                List.of(quote("Dmitry Peskov", "we will see"), quote("Volodymyr Zelensky", "we stand"))));

        Map<String, CasualtyChange> casualties = casualtyChanges();
        assertThat(casualties).containsOnlyKeys(KILLED, INJURED);
        assertThat(casualties.get(KILLED).getBefore()).isNull();
        assertThat(casualties.get(KILLED).getAfter().getIncidentTotal()).isEqualTo(5);
        assertThat(casualties.get(KILLED).getAfter().getReports()).isEqualTo(2);
        assertThat(casualties.get(INJURED).getAfter().getIncidentTotal()).isEqualTo(5);
        Map<String, SpeakerChange> speakers = speakerChanges();
        assertThat(speakers).containsOnlyKeys(PESKOV, ZELENSKY);
        assertThat(speakers.get(PESKOV).getBefore()).isNull();
        assertThat(speakers.get(PESKOV).getAfter().getStatements()).isEqualTo(1);
        assertThat(context.forwarded()).hasSize(4);
        assertThat(entries()).containsOnlyKeys("a1");
        assertThat(store.get("a1").getCasualties()).containsOnlyKeys(KILLED, INJURED);
        assertThat(store.get("a1").getSpeakers()).containsOnlyKeys(PESKOV, ZELENSKY);
    }

    @Test
    void republishedArticleSendsNoChangeAndKeepsOneEntry() {
        EnrichedArticle article = article("a1", List.of(killed(3)), List.of(quote("Dmitry Peskov", "we will see")));
        process("a1", article);
        context.resetForwards();

        // A new version with the same content, as a republished article is.
        process("a1", article("a1", List.of(killed(3)), List.of(quote("Dmitry Peskov", "we will see"))));

        assertThat(context.forwarded()).as("an unchanged article changes no tally").isEmpty();
        assertThat(entries()).containsOnlyKeys("a1");
        assertThat(store.get("a1")).isEqualTo(ContributionChanges.of(article));
    }

    @Test
    void correctedArticleSendsOnlyTheContributionsThatDiffer() {
        process("a1", article("a1", List.of(killed(3), injured(5)),
                List.of(quote("Dmitry Peskov", "we will see"), quote("Volodymyr Zelensky", "we stand"))));
        ArticleContributions first = store.get("a1");
        context.resetForwards();

        EnrichedArticle corrected = article("a1", List.of(killed(4), captured(7)),
                List.of(quote("Dmitry Peskov", "we will see"), quote("Jens Stoltenberg", "NATO is here")));
        process("a1", corrected);

        Map<String, CasualtyChange> casualties = casualtyChanges();
        assertThat(casualties).containsOnlyKeys(KILLED, INJURED, CAPTURED);
        assertThat(casualties.get(KILLED).getBefore()).isEqualTo(first.getCasualties().get(KILLED));
        assertThat(casualties.get(KILLED).getAfter().getIncidentTotal()).isEqualTo(4);
        assertThat(casualties.get(INJURED).getBefore()).isEqualTo(first.getCasualties().get(INJURED));
        assertThat(casualties.get(INJURED).getAfter()).as("the tally the article left").isNull();
        assertThat(casualties.get(CAPTURED).getBefore()).as("the tally the article entered").isNull();
        assertThat(casualties.get(CAPTURED).getAfter().getIncidentTotal()).isEqualTo(7);
        Map<String, SpeakerChange> speakers = speakerChanges();
        assertThat(speakers).as("Peskov's contribution is unchanged").containsOnlyKeys(ZELENSKY, STOLTENBERG);
        assertThat(speakers.get(ZELENSKY).getBefore()).isEqualTo(first.getSpeakers().get(ZELENSKY));
        assertThat(speakers.get(ZELENSKY).getAfter()).isNull();
        assertThat(speakers.get(STOLTENBERG).getBefore()).isNull();
        assertThat(speakers.get(STOLTENBERG).getAfter().getLatestQuote()).isEqualTo("NATO is here");
        assertThat(context.forwarded()).hasSize(5);
        assertThat(entries()).containsOnlyKeys("a1");
        assertThat(store.get("a1")).isEqualTo(ContributionChanges.of(corrected));
    }

    @Test
    void withdrawnArticleLeavesEveryTallyAndItsEntryIsDeleted() {
        process("a1", article("a1", List.of(killed(3), injured(5)), List.of(quote("Dmitry Peskov", "we will see"))));
        process("a2", article("a2", List.of(killed(1)), List.of()));
        ArticleContributions first = store.get("a1");
        context.resetForwards();

        process("a1", null);

        Map<String, CasualtyChange> casualties = casualtyChanges();
        assertThat(casualties).containsOnlyKeys(KILLED, INJURED);
        assertThat(casualties.get(KILLED).getBefore()).isEqualTo(first.getCasualties().get(KILLED));
        assertThat(casualties.get(KILLED).getAfter()).isNull();
        assertThat(casualties.get(INJURED).getAfter()).isNull();
        assertThat(speakerChanges()).containsOnlyKeys(PESKOV);
        assertThat(speakerChanges().get(PESKOV).getBefore()).isEqualTo(first.getSpeakers().get(PESKOV));
        assertThat(speakerChanges().get(PESKOV).getAfter()).isNull();
        assertThat(context.forwarded()).hasSize(3);
        assertThat(entries()).as("only the other article's entry").containsOnlyKeys("a2");
    }

    @Test
    void correctionThatLeavesNoContributionDeletesTheEntry() {
        process("a1", article("a1", List.of(killed(3)), List.of()));
        context.resetForwards();

        process("a1", article("a1", List.of(), List.of()));

        assertThat(casualtyChanges()).containsOnlyKeys(KILLED);
        assertThat(casualtyChanges().get(KILLED).getAfter()).isNull();
        assertThat(entries()).isEmpty();
    }

    @Test
    void articleThatCountsInNoTallyHasNoEntryAndItsWithdrawalSendsNothing() {
        process("a1", article("a1", List.of(), List.of()));
        process("a1", null);
        process("never-seen", null);

        assertThat(context.forwarded()).isEmpty();
        assertThat(entries()).isEmpty();
    }

    @Test
    void eachChangeKeepsTheTimestampOfItsVersion() {
        processor.process(new Record<>("a1", article("a1", List.of(killed(3)),
                List.of(quote("Dmitry Peskov", "we will see"))), 1_700_000_000_000L));

        assertThat(context.forwarded()).extracting(forward -> forward.record().timestamp())
                .containsOnly(1_700_000_000_000L);
    }

    private void process(String id, EnrichedArticle article) {
        processor.process(new Record<>(id, article, 0L));
    }

    private Map<String, CasualtyChange> casualtyChanges() {
        return changes(change -> change instanceof Change.Casualty casualty ? casualty.change() : null);
    }

    private Map<String, SpeakerChange> speakerChanges() {
        return changes(change -> change instanceof Change.Speaker speaker ? speaker.change() : null);
    }

    /** The forwarded changes of one kind ({@code kind} gives null for the other) by tally key, one per tally. */
    private <T> Map<String, T> changes(Function<Change, T> kind) {
        Map<String, T> changes = new HashMap<>();
        for (CapturedForward<? extends String, ? extends Change> forward : context.forwarded()) {
            T change = kind.apply(forward.record().value());
            if (change != null) {
                assertThat(changes).as("one change per tally").doesNotContainKey(forward.record().key());
                changes.put(forward.record().key(), change);
            }
        }
        return changes;
    }

    private Map<String, ArticleContributions> entries() {
        Map<String, ArticleContributions> entries = new HashMap<>();
        try (KeyValueIterator<String, ArticleContributions> all = store.all()) {
            all.forEachRemaining(kv -> entries.put(kv.key, kv.value));
        }
        return entries;
    }

    private static EnrichedArticle article(String id, List<CasualtyFigure> figures, List<Statement> statements) {
        return TestArticles.enriched(TestArticles.article(id).setBody("Text of " + id).setPublished("2024-03-01")
                        .build(), "en")
                .setCasualties(new ArrayList<>(figures))
                .setStatements(new ArrayList<>(statements))
                .build();
    }

    /** Civilians killed, tally {@link #KILLED}. */
    private static CasualtyFigure killed(long count) {
        return figure("killed", "civilians", "UA", count);
    }

    /** Civilians injured, tally {@link #INJURED}. */
    private static CasualtyFigure injured(long count) {
        return figure("injured", "civilians", "UA", count);
    }

    /** Soldiers captured, tally {@link #CAPTURED}. */
    private static CasualtyFigure captured(long count) {
        return figure("captured", "military", "RU", count);
    }

    private static CasualtyFigure figure(String outcome, String victims, String party, long count) {
        return CasualtyFigure.newBuilder().setCount(count).setOutcome(outcome).setVictims(victims).setParty(party)
                .setCumulative(false).setApproximate(false).setEvidence(count + " " + outcome).build();
    }

    private static Statement quote(String speaker, String words) {
        return Statement.newBuilder().setSpeaker(speaker).setQuote(words).build();
    }
}
