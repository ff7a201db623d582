package org.frontline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.frontline.extract.eval.EvalReport;
import org.frontline.extract.eval.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality bar on the dev corpus and the seeds together, per language, so a regression cannot land. Also writes
 * {@code target/predictions-dev.jsonl} for corpus/score.py:
 * {@code python3 corpus/score.py GOLD_DIR extract/target/predictions-dev.jsonl --verbose}.
 */
class DevCorpusTest {

    // Issue #12's bar in each language: casualty F1 0.92, statement F1 0.90, party accuracy 0.85. The scores
    // reached (session 15: casualty 0.927 en, 0.933 it; statement 0.950, 0.959; party 0.874) stand above it; the
    // statement and party floors sit a little under those scores so that no change can lower them unseen.
    private static final double ENGLISH_CASUALTY_F1 = 0.92;
    private static final double ENGLISH_STATEMENT_F1 = 0.94;
    private static final double ITALIAN_CASUALTY_F1 = 0.92;
    private static final double ITALIAN_STATEMENT_F1 = 0.94;
    // Party accuracy is over matched figures: figures newly matched (periods of their own, session 8) brought
    // their parties in, a few wrong, so the floor moved from 0.825 to 0.82 while no party read got worse.
    private static final double PARTY_ACCURACY = 0.87;

    @TempDir
    Path gold;

    @Test
    void devCorpusScoresAtLeastTheAgreedBar() throws IOException {
        copyAll(Path.of("../corpus/dev"), gold);
        copyAll(Path.of("../seeds"), gold);

        EvalReport score = Scorer.evaluate(gold, Extractor.create());
        Files.write(Path.of("target/predictions-dev.jsonl"), score.predictions());

        assertThat(score.articles()).isEqualTo(105);
        String report = score.format(true);
        assertThat(score.byLanguage()).containsOnlyKeys("en", "it");
        assertThat(score.byLanguage().get("en").casualtyF1()).as(report).isGreaterThanOrEqualTo(ENGLISH_CASUALTY_F1);
        assertThat(score.byLanguage().get("en").statementF1()).as(report).isGreaterThanOrEqualTo(ENGLISH_STATEMENT_F1);
        assertThat(score.byLanguage().get("it").casualtyF1()).as(report).isGreaterThanOrEqualTo(ITALIAN_CASUALTY_F1);
        assertThat(score.byLanguage().get("it").statementF1()).as(report).isGreaterThanOrEqualTo(ITALIAN_STATEMENT_F1);
        assertThat(score.attributes().get("party")).as(report).isGreaterThanOrEqualTo(PARTY_ACCURACY);
        assertThat(score.languageAccuracy()).as(report).isEqualTo(1.0);
    }

    private static void copyAll(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
