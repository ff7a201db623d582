package org.frontline.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.frontline.extract.ArticleFiles;
import org.frontline.extract.ArticleText;
import org.frontline.extract.Extraction;
import org.frontline.extract.Extractor;
import org.frontline.extract.json.ExtractionJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scores predictions against gold files exactly as corpus/score.py does (GUIDELINES.md, "Scoring"):
 * casualty figures match one-to-one on count, outcome and cumulative, in gold order; quotations match
 * when their word sets overlap by at least half of each, best pairs first; a statement also needs its
 * speaker to agree. Words are {@code \w+} runs of the text folded as score.py folds it (NFKD, combining
 * marks dropped, lower case). Stateless and thread-safe.
 *
 * <p>{@link #evaluate(Path, Extractor)} extracts every article of a gold directory and scores it;
 * {@link #score(Path, Path)} scores a predictions file as {@code score.py GOLD_DIR PREDICTIONS.jsonl} does.
 */
public final class Scorer {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Python's str.splitlines() splits on. */
    private static final Pattern PYTHON_LINE_BREAK =
            Pattern.compile("\r\n|[\n\r\u000B\u000C\u001C\u001D\u001E\u0085\u2028\u2029]");
    private static final String GOLD_SUFFIX = ".gold.json";
    private static final String TEXT_SUFFIX = ".txt";
    private static final double QUOTE_MATCH = 0.5;
    private static final int ROUNDING = 4;
    private static final int QUOTE_NOTE = 70;
    private static final int SPEAKER_NOTE = 50;
    private static final List<String> ATTRIBUTES = List.of("victims", "party", "approximate");

    private Scorer() {
    }

    /** Extracts every {@code NAME.txt} of {@code goldDir} and scores the extractions against its gold files. */
    public static EvalReport evaluate(Path goldDir, Extractor extractor) {
        Map<String, JsonNode> predictions = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (Path text : list(goldDir, TEXT_SUFFIX)) {
            String name = stripSuffix(text.getFileName().toString(), TEXT_SUFFIX);
            ArticleText article = ArticleFiles.parse(read(text));
            Extraction extraction = extractor.extract(article);
            JsonNode prediction = ExtractionJson.toJson(name, article, extraction);
            predictions.put(name, prediction);
            lines.add(ExtractionJson.toJsonLine(name, article, extraction));
        }
        return score(golds(goldDir), predictions, lines);
    }

    /** Scores a JSON-lines predictions file, one object per article named by {@code name} or {@code id}. */
    public static EvalReport score(Path goldDir, Path predictionsFile) {
        Map<String, JsonNode> predictions = new LinkedHashMap<>();
        List<String> lines = List.of(PYTHON_LINE_BREAK.split(read(predictionsFile), -1));
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            JsonNode object;
            try {
                object = JSON.readTree(line);
            } catch (IOException e) {
                String message = "predictions line " + (n + 1) + ": not JSON (" + e.getMessage() + ")";
                throw new IllegalArgumentException(message, e);
            }
            JsonNode name = Py.truthy(object.get("name")) ? object.get("name") : object.get("id");
            String file = Path.of(Py.str(name)).getFileName().toString();
            predictions.put(stripSuffix(file, TEXT_SUFFIX), object);
        }
        return score(golds(goldDir), predictions, List.of());
    }

    /**
     * Scores predictions against gold files, both by article name; articles are scored in the order of
     * {@code golds}, which score.py takes sorted by file name.
     */
    public static EvalReport score(Map<String, JsonNode> golds, Map<String, JsonNode> predictions) {
        return score(golds, predictions, List.of());
    }

    /** The gold files of a directory by article name, sorted by name. */
    public static Map<String, JsonNode> golds(Path goldDir) {
        Map<String, JsonNode> golds = new LinkedHashMap<>();
        for (Path file : list(goldDir, GOLD_SUFFIX)) {
            try {
                golds.put(stripSuffix(file.getFileName().toString(), GOLD_SUFFIX), JSON.readTree(read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        if (golds.isEmpty()) {
            throw new IllegalArgumentException("no *" + GOLD_SUFFIX + " in " + goldDir);
        }
        return golds;
    }

    private static EvalReport score(Map<String, JsonNode> golds, Map<String, JsonNode> predictions,
                                    List<String> predictionLines) {
        Tally casualties = new Tally();
        Tally quotes = new Tally();
        Tally statements = new Tally();
        Map<String, Tally[]> byLanguage = new TreeMap<>();
        int[][] attributes = new int[ATTRIBUTES.size()][2];
        int languageRight = 0;
        int missing = 0;
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : golds.entrySet()) {
            String name = entry.getKey();
            JsonNode gold = entry.getValue();
            JsonNode prediction = predictions.get(name);
            if (prediction == null) {
                missing++;
                prediction = JSON.createObjectNode();
            }
            String language = gold.has("language") ? Py.str(gold.get("language")) : "?";
            Tally[] languageTally = byLanguage.computeIfAbsent(language, k -> new Tally[] {new Tally(), new Tally()});
            languageRight += Py.equal(prediction.get("language"), gold.get("language")) ? 1 : 0;

            List<JsonNode> goldFigures = list(gold.get("casualties"));
            List<JsonNode> predictedFigures = list(prediction.get("casualties"));
            int[] figurePairs = matchCasualties(goldFigures, predictedFigures);
            int matched = countMatched(figurePairs);
            casualties.add(matched, predictedFigures.size() - matched, goldFigures.size() - matched);
            languageTally[0].add(matched, predictedFigures.size() - matched, goldFigures.size() - matched);
            Set<Integer> usedPredictions = new HashSet<>();
            for (int g = 0; g < figurePairs.length; g++) {
                if (figurePairs[g] < 0) {
                    continue;
                }
                usedPredictions.add(figurePairs[g]);
                for (int a = 0; a < ATTRIBUTES.size(); a++) {
                    String field = ATTRIBUTES.get(a);
                    attributes[a][1]++;
                    attributes[a][0] += Py.equal(predictedFigures.get(figurePairs[g]).get(field),
                            goldFigures.get(g).get(field)) ? 1 : 0;
                }
            }
            for (int g = 0; g < goldFigures.size(); g++) {
                if (figurePairs[g] < 0) {
                    notes.add(name + ": missed casualty " + casualtyKeyRepr(goldFigures.get(g)) + " «"
                            + evidence(goldFigures.get(g)) + "»");
                }
            }
            for (int p = 0; p < predictedFigures.size(); p++) {
                if (!usedPredictions.contains(p)) {
                    notes.add(name + ": spurious casualty " + casualtyKeyRepr(predictedFigures.get(p)) + " «"
                            + evidence(predictedFigures.get(p)) + "»");
                }
            }

            List<JsonNode> goldQuotes = list(gold.get("statements"));
            List<JsonNode> predictedQuotes = list(prediction.get("statements"));
            List<int[]> quotePairs = matchStatements(goldQuotes, predictedQuotes);
            List<int[]> right = new ArrayList<>();
            for (int[] pair : quotePairs) {
                if (speakerAgrees(text(predictedQuotes.get(pair[1]).get("speaker")), goldQuotes.get(pair[0]))) {
                    right.add(pair);
                }
            }
            quotes.add(quotePairs.size(), predictedQuotes.size() - quotePairs.size(),
                    goldQuotes.size() - quotePairs.size());
            statements.add(right.size(), predictedQuotes.size() - right.size(), goldQuotes.size() - right.size());
            languageTally[1].add(right.size(), predictedQuotes.size() - right.size(),
                    goldQuotes.size() - right.size());
            Set<Integer> goldMatched = new HashSet<>();
            Set<Integer> predictedMatched = new HashSet<>();
            for (int[] pair : quotePairs) {
                goldMatched.add(pair[0]);
                predictedMatched.add(pair[1]);
            }
            for (int g = 0; g < goldQuotes.size(); g++) {
                if (!goldMatched.contains(g)) {
                    JsonNode quote = goldQuotes.get(g);
                    notes.add(name + ": missed quote (" + Py.str(quote.get("speaker")) + ") «"
                            + Py.head(Py.str(quote.get("quote")), QUOTE_NOTE) + "»");
                }
            }
            for (int p = 0; p < predictedQuotes.size(); p++) {
                if (!predictedMatched.contains(p)) {
                    JsonNode quote = predictedQuotes.get(p);
                    notes.add(name + ": spurious quote (" + Py.str(quote.get("speaker")) + ") «"
                            + Py.head(Py.str(quote.get("quote")), QUOTE_NOTE) + "»");
                }
            }
            for (int[] pair : quotePairs) {
                JsonNode g = goldQuotes.get(pair[0]);
                JsonNode p = predictedQuotes.get(pair[1]);
                if (!isRight(right, goldQuotes, predictedQuotes, g, p)) {
                    notes.add(name + ": wrong speaker " + Py.repr(p.get("speaker")) + " for "
                            + Py.repr(g.get("speaker")) + " «" + Py.head(Py.str(g.get("quote")), SPEAKER_NOTE) + "»");
                }
            }
        }
        Map<String, Double> attributeAccuracy = new LinkedHashMap<>();
        for (int a = 0; a < ATTRIBUTES.size(); a++) {
            int[] counts = attributes[a];
            attributeAccuracy.put(ATTRIBUTES.get(a),
                    counts[1] == 0 ? null : Py.round((double) counts[0] / counts[1], ROUNDING));
        }
        TreeMap<String, EvalReport.LanguageScores> languages = new TreeMap<>();
        byLanguage.forEach((language, tallies) -> languages.put(language, new EvalReport.LanguageScores(
                Py.round(tallies[0].f1(), ROUNDING), Py.round(tallies[1].f1(), ROUNDING))));
        return new EvalReport(golds.size(), missing, Py.round((double) languageRight / golds.size(), ROUNDING),
                casualties.prf(), quotes.prf(), statements.prf(), attributeAccuracy, languages, notes,
                predictionLines);
    }

    /** score.py checks {@code (g, p) not in right}: pairs compare by value, so an equal pair counts as right. */
    private static boolean isRight(List<int[]> right, List<JsonNode> gold, List<JsonNode> predicted, JsonNode g,
                                   JsonNode p) {
        for (int[] pair : right) {
            if (gold.get(pair[0]).equals(g) && predicted.get(pair[1]).equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** For each gold figure in order, the first unused prediction with the same key, or -1. */
    static int[] matchCasualties(List<JsonNode> gold, List<JsonNode> predicted) {
        int[] pairs = new int[gold.size()];
        boolean[] used = new boolean[predicted.size()];
        for (int g = 0; g < gold.size(); g++) {
            pairs[g] = -1;
            CasualtyKey key = CasualtyKey.of(gold.get(g));
            for (int p = 0; p < predicted.size(); p++) {
                if (!used[p] && CasualtyKey.of(predicted.get(p)).equals(key)) {
                    used[p] = true;
                    pairs[g] = p;
                    break;
                }
            }
        }
        return pairs;
    }

    private static int countMatched(int[] pairs) {
        int matched = 0;
        for (int pair : pairs) {
            matched += pair >= 0 ? 1 : 0;
        }
        return matched;
    }

    private record Scored(double overlap, int gold, int predicted) {
    }

    /**
     * Every gold-prediction pair by overlap, then gold index, then prediction index, all descending (Python's
     * {@code sorted(..., reverse=True)} on tuples), taken greedily while the overlap is at least one half.
     */
    static List<int[]> matchStatements(List<JsonNode> gold, List<JsonNode> predicted) {
        List<Scored> scored = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            for (int p = 0; p < predicted.size(); p++) {
                scored.add(new Scored(quoteOverlap(text(gold.get(g).get("quote")),
                        text(predicted.get(p).get("quote"))), g, p));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::overlap).thenComparingInt(Scored::gold)
                .thenComparingInt(Scored::predicted).reversed());
        Set<Integer> goldUsed = new HashSet<>();
        Set<Integer> predictedUsed = new HashSet<>();
        List<int[]> pairs = new ArrayList<>();
        for (Scored pair : scored) {
            if (pair.overlap() < QUOTE_MATCH) {
                break;
            }
            if (goldUsed.contains(pair.gold()) || predictedUsed.contains(pair.predicted())) {
                continue;
            }
            goldUsed.add(pair.gold());
            predictedUsed.add(pair.predicted());
            pairs.add(new int[] {pair.gold(), pair.predicted()});
        }
        return pairs;
    }

    /** The share of words two quotations have in common, the smaller of the two shares. */
    public static double quoteOverlap(String a, String b) {
        Set<String> wordsA = words(a);
        Set<String> wordsB = words(b);
        if (wordsA.isEmpty() || wordsB.isEmpty()) {
            return 0.0;
        }
        Set<String> shared = new HashSet<>(wordsA);
        shared.retainAll(wordsB);
        return Math.min((double) shared.size() / wordsA.size(), (double) shared.size() / wordsB.size());
    }

    /**
     * Whether a predicted speaker names the gold one: equal to the speaker or an alias word for word (case,
     * accents and punctuation ignored), or holding the gold speaker's last word.
     */
    public static boolean speakerAgrees(String predicted, JsonNode gold) {
        String p = String.join(" ", Py.findWords(Py.fold(predicted)));
        List<String> names = new ArrayList<>();
        names.add(text(gold.get("speaker")));
        for (JsonNode alias : list(gold.get("aliases"))) {
            names.add(text(alias));
        }
        for (String name : names) {
            if (p.equals(String.join(" ", Py.findWords(Py.fold(name))))) {
                return true;
            }
        }
        List<String> last = Py.findWords(Py.fold(text(gold.get("speaker"))));
        return !last.isEmpty() && List.of(p.split(" ")).contains(last.get(last.size() - 1));
    }

    /** score.py's {@code words}: the set of {@code \w+} runs of the folded text. */
    public static Set<String> words(String text) {
        return new HashSet<>(Py.findWords(Py.fold(text)));
    }

    /** What score.py matches figures on: {@code (int(count or -1), str(outcome), bool(cumulative))}. */
    private record CasualtyKey(long count, String outcome, boolean cumulative) {

        static CasualtyKey of(JsonNode figure) {
            JsonNode count = figure.get("count");
            long value;
            if (!Py.truthy(count)) {
                value = -1;
            } else if (count.isTextual()) {
                value = Long.parseLong(count.asText().strip());
            } else {
                value = count.isBoolean() ? 1 : count.isIntegralNumber() ? count.asLong() : (long) count.asDouble();
            }
            return new CasualtyKey(value, Py.str(figure.get("outcome")), Py.truthy(figure.get("cumulative")));
        }

        String repr() {
            return "(" + count + ", " + Py.repr(outcome) + ", " + (cumulative ? "True" : "False") + ")";
        }
    }

    private static String casualtyKeyRepr(JsonNode figure) {
        return CasualtyKey.of(figure).repr();
    }

    /** {@code c.get('evidence', '')}: empty when missing, None when null. */
    private static String evidence(JsonNode figure) {
        return figure.has("evidence") ? Py.str(figure.get("evidence")) : "";
    }

    /** A JSON value read as text, as score.py's fold reads it; null when it is no text. */
    private static String text(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null
                : value.isTextual() ? value.asText() : Py.str(value);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array != null && !(array instanceof MissingNode) && array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }

    private static List<Path> list(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String stripSuffix(String name, String suffix) {
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }

    /** True and false positives and negatives, summed. */
    private static final class Tally {
        private int tp;
        private int fp;
        private int fn;

        void add(int truePositives, int falsePositives, int falseNegatives) {
            tp += truePositives;
            fp += falsePositives;
            fn += falseNegatives;
        }

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }

        EvalReport.Prf prf() {
            return new EvalReport.Prf(Py.round(precision(), ROUNDING), Py.round(recall(), ROUNDING),
                    Py.round(f1(), ROUNDING), tp, fp, fn);
        }
    }
}
