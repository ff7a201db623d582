package org.frontline.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.extract.Extractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Java scorer and corpus/score.py give the same numbers and the same notes on the dev corpus and the
 * seeds. Needs python3: on CI (CI=true) its absence fails the test, elsewhere it skips it.
 */
class ScorePyAgreementTest {

    private static final Path SCORE_PY = Path.of("../corpus/score.py");

    @TempDir
    static Path work;

    private static Path gold;
    private static Path predictions;
    private static EvalReport report;

    @BeforeAll
    static void extractDevAndSeeds() throws IOException {
        gold = Files.createDirectories(work.resolve("gold"));
        for (Path directory : List.of(Path.of("../corpus/dev"), Path.of("../seeds"))) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.copy(file, gold.resolve(file.getFileName()));
                }
            }
        }
        report = Scorer.evaluate(gold, Extractor.create());
        predictions = Files.write(work.resolve("predictions.jsonl"), report.predictions(), StandardCharsets.UTF_8);
    }

    @Test
    void everyNumberAgreesWithScorePyJson() throws Exception {
        String out = python("--json");
        JsonNode expected = new ObjectMapper().readTree(out.substring(0, out.lastIndexOf('}') + 1));

        assertThat(report.articles()).isEqualTo(expected.path("articles").asInt()).isEqualTo(105);
        assertThat(report.articlesWithoutPrediction()).isEqualTo(expected.path("articles_without_prediction").asInt());
        assertThat(report.languageAccuracy()).isEqualTo(expected.path("language_accuracy").asDouble());
        prf(report.casualty(), expected.path("casualty"));
        prf(report.quote(), expected.path("quote"));
        prf(report.statement(), expected.path("statement"));
        assertThat(report.attributes().keySet()).containsExactly("victims", "party", "approximate");
        report.attributes().forEach((name, value) ->
                assertThat(value).as(name).isEqualTo(expected.path("casualty_attributes").path(name).asDouble()));
        List<String> languages = new ArrayList<>();
        expected.path("by_language").fieldNames().forEachRemaining(languages::add);
        assertThat(report.byLanguage().keySet()).containsExactlyElementsOf(languages);
        report.byLanguage().forEach((language, scores) -> {
            JsonNode node = expected.path("by_language").path(language);
            assertThat(scores.casualtyF1()).as(language).isEqualTo(node.path("casualty_f1").asDouble());
            assertThat(scores.statementF1()).as(language).isEqualTo(node.path("statement_f1").asDouble());
        });
    }

    @Test
    void verboseReportIsScorePysOutputLineForLine() throws Exception {
        assertThat(report.format(true).lines()).containsExactlyElementsOf(python("--verbose").lines().toList());
        assertThat(report.format(false).lines()).containsExactlyElementsOf(python().lines().toList());
    }

    @Test
    void predictionsFileScoresAsTheExtractionsDid() {
        EvalReport fromFile = Scorer.score(gold, predictions);

        assertThat(fromFile.format(true)).isEqualTo(report.format(true));
        assertThat(fromFile.casualty()).isEqualTo(report.casualty());
        assertThat(fromFile.statement()).isEqualTo(report.statement());
    }

    private static void prf(EvalReport.Prf actual, JsonNode expected) {
        assertThat(actual.precision()).isEqualTo(expected.path("precision").asDouble());
        assertThat(actual.recall()).isEqualTo(expected.path("recall").asDouble());
        assertThat(actual.f1()).isEqualTo(expected.path("f1").asDouble());
    }

    private static String python(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SCORE_PY.toString(), gold.toString(),
                predictions.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            String message = "python3 is needed to compare the Java scorer with corpus/score.py: " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                fail(message, e);
            }
            assumeTrue(false, message + " (skipped outside CI)");
            throw e;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
