package org.frontline.extract.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The scores of a set of predictions against gold files, with the numbers rounded as corpus/score.py
 * rounds them (four decimals) and its {@code --verbose} notes.
 *
 * @param articles                  gold files scored
 * @param articlesWithoutPrediction gold files with no prediction, scored as empty
 * @param languageAccuracy          share of articles whose language is the gold one
 * @param casualty                  casualty figures: count, outcome and cumulative agree
 * @param quote                     quotations: word sets overlap by half of each
 * @param statement                 quotations whose speaker also agrees
 * @param attributes                accuracy of victims, party and approximate among matched figures, in that
 *                                  order; a value is null when no figure matched
 * @param byLanguage                casualty and statement F1 per gold language, by language code
 * @param notes                     the misses, one line each, as score.py --verbose prints them
 * @param predictions               the prediction lines that were scored, when the scorer made them, else empty
 */
public record EvalReport(int articles, int articlesWithoutPrediction, double languageAccuracy, Prf casualty,
                         Prf quote, Prf statement, Map<String, Double> attributes,
                         SortedMap<String, LanguageScores> byLanguage, List<String> notes, List<String> predictions) {

    public EvalReport {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        byLanguage = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byLanguage));
        notes = List.copyOf(notes);
        predictions = List.copyOf(predictions);
    }

    /**
     * Precision, recall and F1, rounded to four decimals, with the counts they come from.
     *
     * @param truePositives  matched
     * @param falsePositives predicted and not matched
     * @param falseNegatives in the gold and not matched
     */
    public record Prf(double precision, double recall, double f1, int truePositives, int falsePositives,
                      int falseNegatives) {
    }

    /**
     * F1 of one language's articles.
     *
     * @param casualtyF1  casualty figures
     * @param statementF1 statements, speaker included
     */
    public record LanguageScores(double casualtyF1, double statementF1) {
    }

    /** Whether both F1 scores reach the given bars, as score.py's --min-casualty-f1 and --min-statement-f1. */
    public boolean meets(double minCasualtyF1, double minStatementF1) {
        return casualty.f1() >= minCasualtyF1 && statement.f1() >= minStatementF1;
    }

    /** The lines score.py prints without --json, the notes first when {@code verbose}; no final line break. */
    public String format(boolean verbose) {
        List<String> lines = new ArrayList<>();
        if (verbose) {
            lines.add(String.join("\n", notes));
        }
        line(lines, "casualty", casualty);
        line(lines, "quote", quote);
        line(lines, "statement", statement);
        lines.add("attributes " + attributesRepr());
        lines.add("language   accuracy " + Py.fixed(languageAccuracy, 3) + "; by language " + byLanguageRepr());
        lines.add("articles   " + articles + " (" + articlesWithoutPrediction + " without a prediction)");
        lines.add("casualty F1 " + Py.fixed(casualty.f1(), 3) + ", statement F1 " + Py.fixed(statement.f1(), 3));
        return String.join("\n", lines);
    }

    private static void line(List<String> lines, String name, Prf prf) {
        lines.add(String.format("%-10s P %s  R %s  F1 %s", name, Py.fixed(prf.precision(), 3),
                Py.fixed(prf.recall(), 3), Py.fixed(prf.f1(), 3)));
    }

    private String attributesRepr() {
        List<String> items = new ArrayList<>();
        attributes.forEach((name, value) -> items.add(Py.repr(name) + ": "
                + (value == null ? "None" : Py.floatRepr(value))));
        return "{" + String.join(", ", items) + "}";
    }

    private String byLanguageRepr() {
        List<String> items = new ArrayList<>();
        byLanguage.forEach((language, scores) -> items.add(Py.repr(language) + ": {'casualty_f1': "
                + Py.floatRepr(scores.casualtyF1()) + ", 'statement_f1': " + Py.floatRepr(scores.statementF1()) + "}"));
        return "{" + String.join(", ", items) + "}";
    }
}
