package org.frontline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.frontline.extract.eval.EvalReport;
import org.frontline.extract.eval.Scorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The five seed articles must come out exactly as their gold files say, as score.py measures it. */
class SeedExtractionTest {

    private static EvalReport score;

    @BeforeAll
    static void extractSeeds() {
        score = Scorer.evaluate(Path.of("../seeds"), Extractor.create());
    }

    @Test
    void everySeedFigureAndStatementIsFoundAndNothingElse() {
        assertThat(score.articles()).isEqualTo(5);
        assertThat(score.casualty().f1()).as(score.format(true)).isEqualTo(1.0);
        assertThat(score.statement().f1()).as(score.format(true)).isEqualTo(1.0);
    }

    @Test
    void seedLanguagesAreDetected() {
        assertThat(score.languageAccuracy()).as(score.format(true)).isEqualTo(1.0);
    }

    @Test
    void matchedSeedFiguresHaveTheGoldVictimsPartyAndApproximation() {
        assertThat(score.attributes()).as(score.format(true))
                .containsEntry("victims", 1.0).containsEntry("party", 1.0).containsEntry("approximate", 1.0);
    }
}
