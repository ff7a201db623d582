package org.frontline.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores the dev corpus and the seeds together and writes {@code target/predictions-dev.jsonl}, which
 * corpus/score.py reads: {@code python3 corpus/score.py GOLD_DIR extract/target/predictions-dev.jsonl --verbose}.
 */
class DevCorpusTest {

    @Test
    void devCorpusScoresAtLeastTheAgreedBar() throws IOException {
        CorpusScore score = CorpusScore.of(Extractor.create(), Path.of("../corpus/dev"), Path.of("../seeds"));
        score.writePredictions(Path.of("target/predictions-dev.jsonl"));
        assertThat(score.articles).isEqualTo(45);
        assertThat(score.casualtyF1()).as(score.summary()).isGreaterThanOrEqualTo(0.90);
        assertThat(score.statementF1()).as(score.summary()).isGreaterThanOrEqualTo(0.85);
        assertThat(score.languageAccuracy()).as(score.summary()).isEqualTo(1.0);
    }
}
