package org.frontline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.DeadLetter;
import org.frontline.avro.EnrichedArticle;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;
import org.frontline.schemas.testing.TestArticles;
import org.frontline.streams.enrich.Enricher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records other clients write straight to {@code articles.raw}, past every check of Frontline's sources:
 * each becomes a dead letter with its cause, or a documented no-op, and the next good article is still
 * tallied. The catalogue is docs/reliability.md, "Bad input". Body lines are {@code figure OUTCOME VICTIMS
 * PARTY COUNT} or {@code quote SPEAKER: WORDS}.
 */
class RawTopicBadInputTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path stateDir;

    private final FrontlineTopics topics = FrontlineTopics.named(TopicNames.defaults());
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestInputTopic<byte[], byte[]> rawKeyBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private TestOutputTopic<String, CasualtyTally> casualties;

    private void start(Integer maxRequestSize) {
        Properties config = StreamsSettings.from(new Properties(), stateDir, 1).streams();
        config.put("bootstrap.servers", "unused:9092");
        if (maxRequestSize != null) {
            config.put("producer.max.request.size", maxRequestSize);
        }
        driver = new TopologyTestDriver(FrontlineTopology.build(topics,
                new Enricher(ScriptedExtraction::of, CLOCK), CLOCK, config), config);
        raw = driver.createInputTopic(topics.raw().name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        rawKeyBytes = driver.createInputTopic(topics.raw().name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(topics.enriched().name(), Serdes.String().deserializer(),
                topics.enriched().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter().name(), Serdes.String().deserializer(),
                topics.deadLetter().valueSerde().deserializer());
        casualties = driver.createOutputTopic(topics.casualties().name(), Serdes.String().deserializer(),
                topics.casualties().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void truncatedAvroAfterAKnownFingerprintIsADeadLetter() {
        start(null);
        byte[] whole = article("a1", "figure killed civilians UA 3");
        byte[] truncated = Arrays.copyOf(whole, 14);

        raw.pipeInput("a1", truncated);

        assertOneLetterThenStillTallies(truncated, "corrupt Article record (14 bytes)");
    }

    @Test
    void emptyValueIsADeadLetterNotAWithdrawal() {
        start(null);
        publish("a1", "figure killed civilians UA 3");
        casualties.readKeyValuesToMap();

        raw.pipeInput("a1", new byte[0]);

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getError()).contains("not Avro single-object encoded Article (0 bytes)");
        assertThat(enriched.readValuesToList()).hasSize(1).doesNotContainNull();
        assertThat(casualties.isEmpty()).as("the article is not withdrawn by an empty value").isTrue();
    }

    @Test
    void recordWithoutAKeyIsADeadLetter() {
        start(null);
        byte[] value = article("a1", "figure killed civilians UA 3");

        raw.pipeInput(new TestRecord<>(null, value));

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getKey()).isNull();
        assertThat(letter.getError()).isEqualTo("record without a key; an article's key is its id");
        assertThat(letter.getValue().array()).isEqualTo(value);
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(casualties.isEmpty()).isTrue();
    }

    @Test
    void tombstoneWithoutAKeyIsADeadLetter() {
        start(null);
        publish("a1", "figure killed civilians UA 3");
        enriched.readValuesToList();
        casualties.readKeyValuesToMap();

        raw.pipeInput(new TestRecord<String, byte[]>(null, null));

        assertThat(deadLetters.readValue().getError()).isEqualTo("a tombstone without a key withdraws no article");
        assertThat(enriched.isEmpty()).as("nothing without a key reaches the compacted topic").isTrue();
        assertThat(casualties.isEmpty()).isTrue();
    }

    @Test
    void keyThatIsNotTheArticlesIdIsADeadLetter() {
        start(null);
        raw.pipeInput("someone-else", article("a1", "figure killed civilians UA 3"));

        assertOneLetterThenStillTallies(null, "record key someone-else is not the article's id a1");
    }

    @Test
    void keyThatIsNotUtf8IsADeadLetter() {
        start(null);
        rawKeyBytes.pipeInput(new byte[] {(byte) 0xC3, (byte) 0x28}, article("a1", "figure killed civilians UA 3"));

        assertOneLetterThenStillTallies(null, "is not the article's id a1");
    }

    @Test
    void recordOfAnotherFrontlineTypeIsADeadLetter() {
        start(null);
        byte[] tally = topics.casualties().valueSerde().serializer().serialize("x", CasualtyTally.newBuilder()
                .setOutcome("killed").setVictims("civilians").setIncidentTotal(1).setReports(1).setArticles(1)
                .build());

        raw.pipeInput("a1", tally);

        assertOneLetterThenStillTallies(tally, "not a released Article schema");
    }

    @Test
    void tombstoneForAnUnknownIdIsANoOp() {
        start(null);
        publish("a1", "figure killed civilians UA 3");
        casualties.readKeyValuesToMap();
        enriched.readValuesToList();

        raw.pipeInput("never-published", (byte[]) null);

        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(casualties.isEmpty()).as("no tally changes").isTrue();
        var passedOn = enriched.readRecord();
        assertThat(passedOn.key()).isEqualTo("never-published");
        assertThat(passedOn.value()).as("the tombstone passes on, and compaction drops it").isNull();
    }

    @Test
    void enrichedArticleLargerThanAProducerMaySendIsADeadLetter() {
        start(16 * 1024);
        String quote = "quote Anna Example: " + "every word repeated ".repeat(300);
        byte[] value = article("big", "figure killed civilians UA 5", quote, quote);
        assertThat(value.length).as("the raw article fits").isLessThan(16 * 1024);

        raw.pipeInput("big", value);
        publish("a2", "figure killed civilians UA 3");

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getError()).startsWith("the enriched article is ").contains("max.request.size 16384");
        assertThat(letter.getErrorClass()).endsWith("RecordTooLargeException");
        assertThat(letter.getValue().array()).isEqualTo(value);
        assertThat(enriched.readKeyValuesToMap()).containsOnlyKeys("a2");
        assertThat(casualties.readKeyValuesToMap().get("killed|civilians|UA").getIncidentTotal()).isEqualTo(3);
    }

    @Test
    void deadLetterOfARecordTooLargeToCarryKeepsItsFirstBytes() {
        start(8 * 1024);
        byte[] noise = new byte[20 * 1024];
        Arrays.fill(noise, (byte) 7);

        raw.pipeInput("noise", noise);

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getError()).contains("not Avro single-object encoded Article (20480 bytes)",
                "value cut to its first", "of 20480 bytes to fit in a dead letter");
        byte[] letterBytes = topics.deadLetter().valueSerde().serializer().serialize("x", letter);
        assertThat(letterBytes.length).isLessThan(8 * 1024 - 64);
        assertThat(letter.getValue().remaining()).isPositive();
    }

    private void assertOneLetterThenStillTallies(byte[] expectedValue, String expectedError) {
        publish("a2", "figure killed civilians UA 3");
        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).getError()).contains(expectedError);
        assertThat(letters.get(0).getTopic()).isEqualTo(topics.raw().name());
        if (expectedValue != null) {
            assertThat(letters.get(0).getValue().array()).isEqualTo(expectedValue);
        }
        assertThat(enriched.readKeyValuesToMap()).containsOnlyKeys("a2");
        Map<String, CasualtyTally> tallies = casualties.readKeyValuesToMap();
        assertThat(tallies.get("killed|civilians|UA").getIncidentTotal()).isEqualTo(3);
        assertThat(tallies.get("killed|civilians|UA").getArticles()).isEqualTo(1);
    }

    private void publish(String id, String... lines) {
        raw.pipeInput(id, article(id, lines));
    }

    private static byte[] article(String id, String... lines) {
        return TestArticles.encoded(TestArticles.article(id).setBody(String.join("\n", lines)).setPublished("2024-11")
                .setIngestedAt(CLOCK.instant()).build());
    }
}
