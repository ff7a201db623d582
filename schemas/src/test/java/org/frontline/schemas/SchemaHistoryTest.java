package org.frontline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.frontline.avro.Article;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.DeadLetter;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.Rejection;
import org.frontline.avro.SpeakerTally;
import org.frontline.avro.state.ArticleContributions;
import org.frontline.avro.state.CasualtyChange;
import org.frontline.avro.state.CasualtyContribution;
import org.frontline.avro.state.LanguageStats;
import org.frontline.avro.state.SpeakerChange;
import org.frontline.avro.state.SpeakerContribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaHistoryTest {

    @ParameterizedTest
    @ValueSource(classes = {Article.class, EnrichedArticle.class, CasualtyTally.class, SpeakerTally.class,
            DeadLetter.class, Rejection.class, CasualtyContribution.class, SpeakerContribution.class,
            CasualtyChange.class, SpeakerChange.class, LanguageStats.class, ArticleContributions.class})
    void currentSchemaIsReleasedAndReadsEveryEarlierVersion(Class<?> type) {
        Schema current = SpecificData.get().getSchema(type);
        List<Schema> released = SchemaHistory.released().versions(current.getFullName());

        assertThat(released).as("released versions of %s: add the current schema to the history", type.getSimpleName())
                .extracting(SchemaNormalization::parsingFingerprint64)
                .contains(SchemaNormalization.parsingFingerprint64(current));
        for (Schema writer : released) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, writer).getType())
                    .as("current %s reads released version %s", type.getSimpleName(), writer)
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }
}
