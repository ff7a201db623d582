package org.frontline.schemas;

import org.apache.kafka.common.serialization.Serdes;
import org.frontline.avro.Article;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.DeadLetter;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.Rejection;
import org.frontline.avro.SpeakerTally;

/**
 * Frontline's topics with their serdes. Keys are UTF-8 strings; values are Avro single-object
 * encoded records (see {@link AvroSerde}).
 *
 * @param raw        article id to {@link Article}
 * @param enriched   article id to {@link EnrichedArticle}
 * @param deadLetter source topic/partition/offset to {@link DeadLetter}
 * @param casualties {@code outcome|victims|party} to {@link CasualtyTally}
 * @param statements speaker to {@link SpeakerTally}
 * @param rejected   source to {@link Rejection}
 */
public record FrontlineTopics(Topic<String, Article> raw,
                              Topic<String, EnrichedArticle> enriched,
                              Topic<String, DeadLetter> deadLetter,
                              Topic<String, CasualtyTally> casualties,
                              Topic<String, SpeakerTally> statements,
                              Topic<String, Rejection> rejected) {

    /** The topics named by {@code names}. */
    public static FrontlineTopics named(TopicNames names) {
        return new FrontlineTopics(
                new Topic<>(names.raw(), Serdes.String(), AvroSerde.of(Article.class)),
                new Topic<>(names.enriched(), Serdes.String(), AvroSerde.of(EnrichedArticle.class)),
                new Topic<>(names.deadLetter(), Serdes.String(), AvroSerde.of(DeadLetter.class)),
                new Topic<>(names.casualties(), Serdes.String(), AvroSerde.of(CasualtyTally.class)),
                new Topic<>(names.statements(), Serdes.String(), AvroSerde.of(SpeakerTally.class)),
                new Topic<>(names.rejected(), Serdes.String(), AvroSerde.of(Rejection.class)));
    }

    /** The names of these topics. */
    public TopicNames names() {
        return new TopicNames(raw.name(), enriched.name(), deadLetter.name(), casualties.name(), statements.name(),
                rejected.name());
    }
}
