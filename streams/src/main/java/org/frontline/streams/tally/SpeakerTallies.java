package org.frontline.streams.tally;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.avro.Statement;
import org.frontline.avro.state.SpeakerAggregate;
import org.frontline.avro.state.SpeakerContribution;

/**
 * The arithmetic of statement tallies, keyed by speaker. Like {@link CasualtyTallies}, an aggregate
 * keeps each article's contribution so that a corrected article replaces its own exactly.
 */
public final class SpeakerTallies {

    private static final Comparator<SpeakerContribution> RECENCY = Comparator
            .comparing((SpeakerContribution c) -> Objects.requireNonNullElse(c.getPublished(), ""))
            .thenComparing(SpeakerContribution::getIngestedAt)
            .thenComparing(SpeakerContribution::getArticleId);

    private SpeakerTallies() {
    }

    /** What an article contributes to each speaker's tally: its number of statements, its last quote. */
    public static Map<String, SpeakerContribution> contributions(EnrichedArticle enriched) {
        Map<String, SpeakerContribution> bySpeaker = new LinkedHashMap<>();
        for (Statement statement : enriched.getStatements()) {
            SpeakerContribution c = bySpeaker.computeIfAbsent(statement.getSpeaker(), speaker ->
                    SpeakerContribution.newBuilder()
                            .setArticleId(enriched.getArticle().getId())
                            .setSpeaker(speaker)
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

    /** The tally an aggregate adds up to, or null when no article quotes the speaker any more. */
    public static SpeakerTally tally(SpeakerAggregate aggregate) {
        if (aggregate == null || aggregate.getContributions().isEmpty()) {
            return null;
        }
        var contributions = aggregate.getContributions().values();
        SpeakerContribution latest = contributions.stream().max(RECENCY).orElseThrow();
        return SpeakerTally.newBuilder()
                .setSpeaker(latest.getSpeaker())
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
