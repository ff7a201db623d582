package org.frontline.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.frontline.avro.Article;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.SpeakerTally;
import org.frontline.broker.testing.KafkaBrokerExtension;
import org.frontline.extract.Extractor;
import org.frontline.extract.SpeakerNames;
import org.frontline.schemas.CommittedReader;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;
import org.frontline.schemas.testing.TestArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One speaker and one casualty key in every one of 20,000 articles, through a real broker: the
 * tallies come out exact. Before tallies kept bounded state, such a tally outgrew the changelog's
 * record limit at about 8,000 articles and the application stopped.
 */
class HotTallyIT {

    private static final int ARTICLES = 20_000;

    @TempDir
    Path work;

    @RegisterExtension
    final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void hotSpeakerAndCasualtyKeyInTwentyThousandArticlesAreTalliedExactly() throws Exception {
        FrontlineTopics topics = FrontlineTopics.named(TopicNames.defaults());
        Properties client = new Properties();
        client.put("bootstrap.servers", kafka.bootstrapServers());
        try (FrontlineStreams streams = FrontlineStreams.start(
                StreamsSettings.from(client, work.resolve("streams"), 3), Extractor.create()::extract)) {
            publish(client, topics);

            Map<String, SpeakerTally> speakers = new HashMap<>();
            Map<String, CasualtyTally> casualties = new HashMap<>();
            String syrskyi = SpeakerNames.canonicalKey("Oleksandr Syrskyi");
            try (KafkaConsumer<String, byte[]> tallies = new KafkaConsumer<>(
                    CommittedReader.config(client, "hot-tally-it"), topics.statements().keySerde().deserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
                tallies.seekToBeginning(CommittedReader.assignAll(tallies,
                        List.of(topics.statements().name(), topics.casualties().name())));
                await("every article tallied").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ZERO)
                        .untilAsserted(() -> {
                            for (ConsumerRecord<String, byte[]> r : tallies.poll(Duration.ofMillis(500))) {
                                if (r.topic().equals(topics.statements().name())) {
                                    speakers.put(r.key(), topics.statements().valueSerde().deserializer()
                                            .deserialize(r.topic(), r.value()));
                                } else {
                                    casualties.put(r.key(), topics.casualties().valueSerde().deserializer()
                                            .deserialize(r.topic(), r.value()));
                                }
                            }
                            assertThat(streams.failure()).isNull();
                            assertThat(speakers.get(syrskyi)).isNotNull()
                                    .extracting(SpeakerTally::getArticles).isEqualTo(ARTICLES);
                            // The two tallies live in different tasks: each catches up on its own.
                            assertThat(casualties.get("killed|civilians|UA")).isNotNull()
                                    .extracting(CasualtyTally::getArticles).isEqualTo(ARTICLES);
                        });
            }
            SpeakerTally hot = speakers.get(syrskyi);
            assertThat(hot.getStatements()).isEqualTo(ARTICLES);
            assertThat(hot.getSpeaker()).isEqualTo("Oleksandr Syrskyi");
            assertThat(hot.getLastPublished()).isEqualTo(published(ARTICLES - 1));
            assertThat(hot.getFirstPublished()).isEqualTo(published(0));
            CasualtyTally killed = casualties.get("killed|civilians|UA");
            assertThat(killed.getArticles()).isEqualTo(ARTICLES);
            assertThat(killed.getIncidentTotal()).isEqualTo(2L * ARTICLES);
            assertThat(killed.getLatestCumulative()).isEqualTo(100L + ARTICLES - 1);
        }
    }

    private static void publish(Properties client, FrontlineTopics topics) {
        Map<String, Object> config = new HashMap<>();
        client.forEach((k, v) -> config.put((String) k, v));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(config,
                topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer())) {
            for (int i = 0; i < ARTICLES; i++) {
                String body = "Report " + i + " from the front.\n\n"
                        + "\"We will not give up a single village,\" said Oleksandr Syrskyi, the commander of "
                        + "Ukraine's armed forces.\n\n"
                        + "Two civilians were killed in Kharkiv on Monday when a missile hit a residential building, "
                        + "the regional governor said. Since the start of the war, " + (100 + i)
                        + " civilians have been killed in the region, he added.";
                producer.send(new ProducerRecord<>(topics.raw().name(), "hot-" + i, TestArticles.article("hot-" + i)
                        .setTitle("Front report " + i).setBody(body).setPublished(published(i)).build()));
            }
        }
    }

    private static String published(int i) {
        return java.time.LocalDate.of(2000, 1, 1).plusDays(i).toString();
    }
}
