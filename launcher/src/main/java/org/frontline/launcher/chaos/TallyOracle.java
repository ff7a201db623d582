package org.frontline.launcher.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.extract.SpeakerNames;
import org.frontline.streams.tally.CasualtyTallies;

/**
 * The tallies a corpus must end in, computed without Kafka: a fold over the output of {@code frontline extract}
 * (one JSON object per article, the gold format of corpus/GUIDELINES.md).
 *
 * <p>It is a separate implementation on purpose. The streams application keeps tallies incrementally, adding
 * each version's contribution and taking back the previous one's; this adds up the final extractions once,
 * which is what the incremental form must come to. Sharing that arithmetic would make the oracle agree with a
 * bug in it. Only the tally keys are shared ({@link CasualtyTallies#key} and {@link SpeakerNames#canonicalKey}):
 * which tally a figure or a speaker belongs to is a definition, not arithmetic to check.
 */
public final class TallyOracle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, long[]> casualties = new HashMap<>();
    private final Map<String, Long> cumulative = new HashMap<>();
    private final Map<String, long[]> speakers = new HashMap<>();
    private final Map<String, String> firstPublished = new HashMap<>();
    private final Map<String, Integer> figuresByArticle = new HashMap<>();
    private final Map<String, Integer> statementsByArticle = new HashMap<>();

    /** Adds one line of {@code frontline extract} output: one article's extraction. */
    public TallyOracle add(String jsonLine) {
        JsonNode article;
        try {
            article = JSON.readTree(jsonLine);
        } catch (IOException e) {
            throw new UncheckedIOException("not a line of frontline extract output: " + jsonLine, e);
        }
        String name = article.path("name").asText();
        if (figuresByArticle.containsKey(name)) {
            throw new IllegalArgumentException("article " + name + " extracted twice");
        }
        String published = article.path("published").isTextual() ? article.get("published").asText() : null;
        Set<String> casualtyKeys = new HashSet<>();
        for (JsonNode figure : article.path("casualties")) {
            String party = figure.path("party").isTextual() ? figure.get("party").asText() : null;
            String key = CasualtyTallies.key(figure.get("outcome").asText(), figure.get("victims").asText(), party);
            long[] sums = casualties.computeIfAbsent(key, k -> new long[3]);
            long count = figure.get("count").asLong();
            if (figure.path("cumulative").asBoolean()) {
                cumulative.merge(key, count, Math::max);
            } else {
                sums[0] += count;
            }
            sums[1]++;
            if (casualtyKeys.add(key)) {
                sums[2]++;
            }
        }
        Set<String> speakerKeys = new HashSet<>();
        int statements = 0;
        for (JsonNode statement : article.path("statements")) {
            statements++;
            String key = SpeakerNames.canonicalKey(statement.get("speaker").asText());
            if (key.isEmpty()) {
                continue;
            }
            long[] sums = speakers.computeIfAbsent(key, k -> new long[2]);
            sums[0]++;
            if (speakerKeys.add(key)) {
                sums[1]++;
                if (published != null) {
                    firstPublished.merge(key, published, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
        }
        figuresByArticle.put(name, article.path("casualties").size());
        statementsByArticle.put(name, statements);
        return this;
    }

    /** The tallies of every article added so far. */
    public Tallies tallies() {
        Map<String, Tallies.Casualty> c = new HashMap<>();
        casualties.forEach((key, sums) -> c.put(key,
                new Tallies.Casualty(sums[0], sums[1], sums[2], cumulative.get(key))));
        Map<String, Tallies.Speaker> s = new HashMap<>();
        speakers.forEach((key, sums) -> s.put(key, new Tallies.Speaker(sums[0], sums[1], firstPublished.get(key))));
        return new Tallies(c, s);
    }

    /** Casualty figures and statements of each article added, by the name {@code extract} gave it. */
    public Map<String, ArticleCounts> articles() {
        Map<String, ArticleCounts> counts = new HashMap<>();
        figuresByArticle.forEach((name, figures) ->
                counts.put(name, new ArticleCounts(figures, statementsByArticle.get(name))));
        return Map.copyOf(counts);
    }

    /**
     * What one article's latest version holds, enough to tell it from another version.
     *
     * @param casualties the casualty figures extracted
     * @param statements the statements extracted
     */
    public record ArticleCounts(int casualties, int statements) {
    }
}
