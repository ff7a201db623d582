package org.frontline.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tricky cases of score.py's rules, checked on small hand-made gold files and predictions. */
class ScorerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static EvalReport score(String gold, String prediction) {
        Map<String, JsonNode> golds = new LinkedHashMap<>();
        golds.put("a", json(gold));
        Map<String, JsonNode> predictions = new LinkedHashMap<>();
        if (prediction != null) {
            predictions.put("a", json(prediction));
        }
        return Scorer.score(golds, predictions);
    }

    @Test
    void wordsFoldAccentsCaseAndPunctuationLikePython() {
        assertThat(Scorer.words("Dmítry PESKOV, l'Ucraina: “no”! 3,5 snake_case")).containsExactlyInAnyOrder(
                "dmitry", "peskov", "l", "ucraina", "no", "3", "5", "snake_case");
        assertThat(Scorer.words("ﬁnale ½ Ⅻ")).containsExactlyInAnyOrder("finale", "1", "2", "xii");
        assertThat(Py.findWords("a\u0903b")).containsExactly("a", "b");
    }

    @Test
    void quoteOverlapIsTheSmallerShareOfSharedWords() {
        assertThat(Scorer.quoteOverlap("We will win", "we WILL win, said he")).isEqualTo(0.6);
        assertThat(Scorer.quoteOverlap("...", "anything")).isZero();
    }

    @Test
    void speakerAgreesOnNameAliasOrLastWordIgnoringAccents() {
        JsonNode gold = json("{'speaker': 'Volodymyr Zelensky', 'aliases': ['il presidente ucraino']}");
        assertThat(Scorer.speakerAgrees("Zelénsky", gold)).isTrue();
        assertThat(Scorer.speakerAgrees("Il Presidente, ucraino", gold)).isTrue();
        assertThat(Scorer.speakerAgrees("Zelenskyy", gold)).isFalse();
        assertThat(Scorer.speakerAgrees(null, gold)).isFalse();
    }

    @Test
    void casualtiesMatchOneToOneInGoldOrder() {
        EvalReport report = score("{'language': 'en', 'casualties': ["
                + "{'count': 3, 'outcome': 'killed', 'cumulative': false, 'party': 'UA', 'evidence': 'x'},"
                + "{'count': 3, 'outcome': 'killed', 'cumulative': false, 'party': 'RU', 'evidence': 'y'}],"
                + " 'statements': []}",
                "{'language': 'en', 'casualties': [{'count': 3, 'outcome': 'killed', 'cumulative': null,"
                + " 'party': 'RU'}]}");
        assertThat(report.casualty().truePositives()).isEqualTo(1);
        assertThat(report.casualty().falseNegatives()).isEqualTo(1);
        assertThat(report.attributes().get("party")).isZero();
        assertThat(report.notes()).containsExactly("a: missed casualty (3, 'killed', False) «y»");
    }

    @Test
    void zeroOrMissingCountReadsAsMinusOne() {
        EvalReport report = score("{'casualties': [{'count': 0, 'outcome': 'killed'}], 'statements': []}",
                "{'casualties': [{'outcome': 'killed', 'cumulative': 0}]}");
        assertThat(report.casualty().truePositives()).isEqualTo(1);
        assertThat(report.languageAccuracy()).isEqualTo(1.0);
    }

    @Test
    void statementsPairBestOverlapFirstAndEachOnlyOnce() {
        EvalReport report = score("{'language': 'it', 'casualties': [], 'statements': ["
                + "{'speaker': 'Jens Stoltenberg', 'quote': 'alpha beta gamma delta'},"
                + "{'speaker': 'Jens Stoltenberg', 'quote': 'alpha beta gamma epsilon'}]}",
                "{'language': 'it', 'statements': [{'speaker': 'Stoltenberg', 'quote': 'alpha beta gamma delta'},"
                + "{'speaker': 'd\\u0027Alema', 'quote': 'alpha beta gamma'}]}");
        assertThat(report.quote().truePositives()).isEqualTo(2);
        assertThat(report.statement().truePositives()).isEqualTo(1);
        assertThat(report.notes()).containsExactly(
                "a: wrong speaker \"d'Alema\" for 'Jens Stoltenberg' «alpha beta gamma epsilon»");
    }

    @Test
    void missingPredictionCountsAsEmpty() {
        EvalReport report = score("{'language': 'en', 'casualties': [], 'statements': ["
                + "{'speaker': 'A B', 'quote': 'Ça va très bien, merci beaucoup à tous les amis de la fondation'}]}",
                null);
        assertThat(report.articlesWithoutPrediction()).isEqualTo(1);
        assertThat(report.statement().f1()).isZero();
        assertThat(report.casualty().f1()).isEqualTo(1.0);
        assertThat(report.notes()).containsExactly(
                "a: missed quote (A B) «Ça va très bien, merci beaucoup à tous les amis de la fondation»");
        assertThat(report.format(false)).contains("articles   1 (1 without a prediction)")
                .contains("attributes {'victims': None, 'party': None, 'approximate': None}");
    }

    @Test
    void numbersPrintAsPythonPrintsThem() {
        assertThat(Py.floatRepr(0.9207)).isEqualTo("0.9207");
        assertThat(Py.floatRepr(1.0)).isEqualTo("1.0");
        assertThat(Py.floatRepr(1e-5)).isEqualTo("1e-05");
        assertThat(Py.fixed(0.9345, 3)).isEqualTo("0.934");
        assertThat(Py.round(0.12345, 4)).isEqualTo(0.1235);
        assertThat(Py.head("😀abc", 2)).isEqualTo("😀a");
        assertThat(Py.repr("it's")).isEqualTo("\"it's\"");
        assertThat(Py.repr("say \"it's\"")).isEqualTo("'say \"it\\'s\"'");
        assertThat(List.of(Py.str(null), Py.str(json("true")), Py.str(json("2.50"))))
                .containsExactly("None", "True", "2.5");
    }
}
