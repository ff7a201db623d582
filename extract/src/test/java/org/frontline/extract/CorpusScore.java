package org.frontline.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.extract.json.ExtractionJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scores the extractor on annotated articles exactly as corpus/score.py does: casualty figures match
 * on count, outcome and cumulative; quotations match when their word sets overlap by half of each, and
 * statements also need the speaker to agree.
 */
final class CorpusScore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    int articles;
    int languageRight;
    int casualtyTp;
    int casualtyFp;
    int casualtyFn;
    int statementTp;
    int statementFp;
    int statementFn;
    /** Matched figures whose victims, party or approximate differ from the gold. */
    final List<String> attributeMisses = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> predictions = new ArrayList<>();

    static CorpusScore of(Extractor extractor, Path... directories) {
        CorpusScore score = new CorpusScore();
        for (Path directory : directories) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path gold : files.filter(p -> p.toString().endsWith(".gold.json")).sorted().toList()) {
                    score.add(extractor, gold);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return score;
    }

    double casualtyF1() {
        return f1(casualtyTp, casualtyFp, casualtyFn);
    }

    double statementF1() {
        return f1(statementTp, statementFp, statementFn);
    }

    double languageAccuracy() {
        return (double) languageRight / articles;
    }

    String summary() {
        return String.format(Locale.ROOT, "articles %d, language %.3f, casualty F1 %.3f (tp %d fp %d fn %d),"
                        + " statement F1 %.3f (tp %d fp %d fn %d)%n%s%n%s", articles, languageAccuracy(),
                casualtyF1(), casualtyTp, casualtyFp, casualtyFn, statementF1(), statementTp, statementFp,
                statementFn, String.join("\n", notes), String.join("\n", attributeMisses));
    }

    void writePredictions(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, predictions, StandardCharsets.UTF_8);
    }

    private void add(Extractor extractor, Path goldFile) {
        try {
            String name = goldFile.getFileName().toString().replace(".gold.json", "");
            JsonNode gold = JSON.readTree(goldFile.toFile());
            ArticleText article = ArticleFiles.parse(Files.readString(goldFile.resolveSibling(name + ".txt")));
            Extraction extraction = extractor.extract(article);
            predictions.add(ExtractionJson.toJsonLine(name, article, extraction));
            articles++;
            languageRight += gold.path("language").asText().equals(extraction.language()) ? 1 : 0;
            if (!Objects.equals(article.published(), gold.path("published").isNull() ? null
                    : gold.path("published").asText())) {
                notes.add(name + ": published " + article.published());
            }
            scoreCasualties(name, gold.path("casualties"), extraction.casualties());
            scoreStatements(name, gold.path("statements"), extraction.statements());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void scoreCasualties(String name, JsonNode gold, List<CasualtyFigure> predicted) {
        Set<Integer> used = new HashSet<>();
        int matched = 0;
        for (JsonNode g : gold) {
            int hit = -1;
            for (int i = 0; i < predicted.size() && hit < 0; i++) {
                CasualtyFigure p = predicted.get(i);
                if (!used.contains(i) && p.count() == g.path("count").asLong()
                        && p.outcome().equals(g.path("outcome").asText())
                        && p.cumulative() == g.path("cumulative").asBoolean()) {
                    hit = i;
                }
            }
            if (hit < 0) {
                notes.add(name + ": missed casualty " + g.path("count") + " " + g.path("outcome") + " cumulative="
                        + g.path("cumulative") + " «" + g.path("evidence").asText() + "»");
                continue;
            }
            used.add(hit);
            matched++;
            CasualtyFigure p = predicted.get(hit);
            String party = g.path("party").isNull() ? null : g.path("party").asText();
            if (!p.victims().equals(g.path("victims").asText()) || !Objects.equals(p.party(), party)
                    || p.approximate() != g.path("approximate").asBoolean()) {
                attributeMisses.add(name + ": attributes of " + p.count() + " " + p.outcome() + ": " + p.victims()
                        + "/" + p.party() + "/" + p.approximate() + " vs gold " + g.path("victims").asText() + "/"
                        + party + "/" + g.path("approximate").asBoolean());
            }
        }
        for (int i = 0; i < predicted.size(); i++) {
            if (!used.contains(i)) {
                CasualtyFigure p = predicted.get(i);
                notes.add(name + ": spurious casualty " + p.count() + " " + p.outcome() + " cumulative="
                        + p.cumulative() + " «" + p.evidence() + "»");
            }
        }
        casualtyTp += matched;
        casualtyFp += predicted.size() - matched;
        casualtyFn += gold.size() - matched;
    }

    private record Pair(double overlap, int gold, int predicted) {
    }

    private void scoreStatements(String name, JsonNode gold, List<Statement> predicted) {
        List<Pair> pairs = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            for (int p = 0; p < predicted.size(); p++) {
                pairs.add(new Pair(overlap(gold.get(g).path("quote").asText(), predicted.get(p).quote()), g, p));
            }
        }
        pairs.sort((a, b) -> a.overlap() != b.overlap() ? Double.compare(b.overlap(), a.overlap())
                : a.gold() != b.gold() ? Integer.compare(b.gold(), a.gold())
                : Integer.compare(b.predicted(), a.predicted()));
        Set<Integer> goldUsed = new HashSet<>();
        Set<Integer> predictedUsed = new HashSet<>();
        int right = 0;
        for (Pair pair : pairs) {
            if (pair.overlap() < 0.5) {
                break;
            }
            if (goldUsed.contains(pair.gold()) || predictedUsed.contains(pair.predicted())) {
                continue;
            }
            goldUsed.add(pair.gold());
            predictedUsed.add(pair.predicted());
            JsonNode g = gold.get(pair.gold());
            Statement p = predicted.get(pair.predicted());
            if (speakerAgrees(p.speaker(), g)) {
                right++;
            } else {
                notes.add(name + ": wrong speaker '" + p.speaker() + "' for '" + g.path("speaker").asText() + "' «"
                        + abbreviate(g.path("quote").asText()) + "»");
            }
        }
        for (int g = 0; g < gold.size(); g++) {
            if (!goldUsed.contains(g)) {
                notes.add(name + ": missed quote (" + gold.get(g).path("speaker").asText() + ") «"
                        + abbreviate(gold.get(g).path("quote").asText()) + "»");
            }
        }
        for (int p = 0; p < predicted.size(); p++) {
            if (!predictedUsed.contains(p)) {
                notes.add(name + ": spurious quote (" + predicted.get(p).speaker() + ") «"
                        + abbreviate(predicted.get(p).quote()) + "»");
            }
        }
        statementTp += right;
        statementFp += predicted.size() - right;
        statementFn += gold.size() - right;
    }

    static boolean speakerAgrees(String predicted, JsonNode gold) {
        String p = String.join(" ", words(predicted));
        List<String> names = new ArrayList<>(List.of(gold.path("speaker").asText()));
        gold.path("aliases").forEach(alias -> names.add(alias.asText()));
        for (String name : names) {
            if (p.equals(String.join(" ", words(name)))) {
                return true;
            }
        }
        List<String> last = words(gold.path("speaker").asText());
        return !last.isEmpty() && List.of(p.split(" ")).contains(last.get(last.size() - 1));
    }

    static double overlap(String a, String b) {
        Set<String> wa = new HashSet<>(words(a));
        Set<String> wb = new HashSet<>(words(b));
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(wa);
        shared.retainAll(wb);
        return Math.min((double) shared.size() / wa.size(), (double) shared.size() / wb.size());
    }

    private static List<String> words(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(folded);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static String abbreviate(String text) {
        return text.length() <= 70 ? text : text.substring(0, 70);
    }

    private static double f1(int tp, int fp, int fn) {
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
