package org.frontline.extract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SeedExtractionTest {

    private static CorpusScore score;

    @BeforeAll
    static void extractSeeds() {
        score = CorpusScore.of(Extractor.create(), Path.of("../seeds"));
    }

    @Test
    void everySeedFigureAndStatementIsFoundAndNothingElse() {
        assertThat(score.articles).as(score.summary()).isEqualTo(5);
        assertThat(score.casualtyF1()).as(score.summary()).isEqualTo(1.0);
        assertThat(score.statementF1()).as(score.summary()).isEqualTo(1.0);
    }

    @Test
    void seedLanguagesAreDetected() {
        assertThat(score.languageAccuracy()).as(score.summary()).isEqualTo(1.0);
    }

    @Test
    void matchedSeedFiguresHaveTheGoldVictimsPartyAndApproximation() {
        assertThat(score.attributeMisses).as(score.summary()).isEmpty();
    }
}
