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
 * The quality bar on the dev corpus and the seeds together, so a regression cannot land. Also writes
 * {@code target/predictions-dev.jsonl} for corpus/score.py:
 * {@code python3 corpus/score.py GOLD_DIR extract/target/predictions-dev.jsonl --verbose}.
 */
class DevCorpusTest {

    @TempDir
    Path gold;

    @Test
    void devCorpusScoresAtLeastTheAgreedBar() throws IOException {
        copyAll(Path.of("../corpus/dev"), gold);
        copyAll(Path.of("../seeds"), gold);

        EvalReport score = Scorer.evaluate(gold, Extractor.create());
        Files.write(Path.of("target/predictions-dev.jsonl"), score.predictions());

        assertThat(score.articles()).isEqualTo(45);
        assertThat(score.casualty().f1()).as(score.format(true)).isGreaterThanOrEqualTo(0.90);
        assertThat(score.statement().f1()).as(score.format(true)).isGreaterThanOrEqualTo(0.85);
        assertThat(score.languageAccuracy()).as(score.format(true)).isEqualTo(1.0);
    }

    private static void copyAll(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
