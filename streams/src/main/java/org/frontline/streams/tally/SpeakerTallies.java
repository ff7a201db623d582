package org.frontline.streams.tally;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.avro.Statement;
import org.frontline.avro.state.SpeakerAggregate;
import org.frontline.avro.state.SpeakerContribution;
import org.frontline.extract.SpeakerNames;

/**
 * The arithmetic of statement tallies, keyed by the speaker's canonical key
 * ({@link SpeakerNames#canonicalKey}), so that "Dmitry Peskov" and "Dmitri Peskov" in different
 * articles are one tally. The name a tally shows is the spelling most of its statements use (the
 * longer one on a tie). Like {@link CasualtyTallies}, an aggregate keeps each article's contribution
 * so that a corrected article replaces its own exactly.
 */
public final class SpeakerTallies {

    private static final Comparator<SpeakerContribution> RECENCY = Comparator
            .comparing((SpeakerContribution c) -> Objects.requireNonNullElse(c.getPublished(), ""))
            .thenComparing(SpeakerContribution::getIngestedAt)
            .thenComparing(SpeakerContribution::getArticleId);

    private SpeakerTallies() {
    }

    /**
     * What an article contributes to each speaker's tally, by canonical key: its number of statements,
     * its last quote, and the speaker's name as the article writes it.
     */
    public static Map<String, SpeakerContribution> contributions(EnrichedArticle enriched) {
        Map<String, SpeakerContribution> bySpeaker = new LinkedHashMap<>();
        for (Statement statement : enriched.getStatements()) {
            String key = SpeakerNames.canonicalKey(statement.getSpeaker());
            if (key.isEmpty()) {
                continue;
            }
            SpeakerContribution c = bySpeaker.computeIfAbsent(key, k ->
                    SpeakerContribution.newBuilder()
                            .setArticleId(enriched.getArticle().getId())
                            .setSpeaker(statement.getSpeaker())
                            .setStatements(0)
                            .setPublished(enriched.getArticle().getPublished())
                            .setIngestedAt(enriched.getArticle().getIngestedAt())
                            .build());
            c.setStatements(c.getStatements() + 1);
            c.setLatestQuote(statement.getQuote());
        }
        return bySpeaker;
    }

    public static SpeakerAggregate empty() {
        return new SpeakerAggregate(new HashMap<>());
    }

    /** Adds an article's contribution (replacing any earlier one of the same article). */
    public static SpeakerAggregate add(SpeakerContribution c, SpeakerAggregate aggregate) {
        aggregate.getContributions().put(c.getArticleId(), c);
        return aggregate;
    }

    /** Takes an article's contribution out. */
    public static SpeakerAggregate subtract(SpeakerContribution c, SpeakerAggregate aggregate) {
        aggregate.getContributions().remove(c.getArticleId());
        return aggregate;
    }

    /** The spelling most statements use; the longer one on a tie, then the first in name order. */
    private static String displayName(Collection<SpeakerContribution> contributions) {
        Map<String, Integer> statementsByName = new TreeMap<>();
        contributions.forEach(c -> statementsByName.merge(c.getSpeaker(), c.getStatements(), Integer::sum));
        return statementsByName.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparingInt(e -> e.getKey().length())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }

    /** The tally an aggregate adds up to, or null when no article quotes the speaker any more. */
    public static SpeakerTally tally(SpeakerAggregate aggregate) {
        if (aggregate == null || aggregate.getContributions().isEmpty()) {
            return null;
        }
        var contributions = aggregate.getContributions().values();
        SpeakerContribution latest = contributions.stream().max(RECENCY).orElseThrow();
        return SpeakerTally.newBuilder()
                .setSpeaker(displayName(contributions))
                .setStatements(contributions.stream().mapToInt(SpeakerContribution::getStatements).sum())
                .setArticles(contributions.size())
                .setFirstPublished(contributions.stream().map(SpeakerContribution::getPublished)
                        .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null))
                .setLastPublished(contributions.stream().map(SpeakerContribution::getPublished)
                        .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null))
                .setLatestQuote(latest.getLatestQuote())
                .build();
    }
}
