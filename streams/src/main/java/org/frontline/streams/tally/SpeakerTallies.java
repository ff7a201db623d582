package org.frontline.streams.tally;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.utils.Bytes;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;
import org.frontline.avro.Statement;
import org.frontline.avro.state.SpeakerContribution;
import org.frontline.extract.SpeakerNames;

/**
 * The arithmetic of statement tallies, keyed by the speaker's canonical key
 * ({@link SpeakerNames#canonicalKey}), so that "Dmitry Peskov" and "Dmitri Peskov" in different
 * articles are one tally. Statements and articles are sums. What a sum cannot take back is read from
 * an index ordered for it: the latest quote and the first and last publication dates from
 * {@link #recencyKey}. The name a tally shows is the spelling most of its statements use, the longer
 * one on a tie, then the first in name order ({@link #SHOWN_NAME}). Plain functions: no Kafka.
 */
public final class SpeakerTallies {

    /** One spelling of a speaker's name and the statements that use it. */
    public record Spelling(String name, int statements) {
    }

    /** Orders spellings so that the greatest is the name a tally shows. */
    public static final Comparator<Spelling> SHOWN_NAME = Comparator.comparingInt(Spelling::statements)
            .thenComparingInt(s -> s.name().length())
            .thenComparing(Spelling::name, Comparator.reverseOrder());

    /** Between the speaker key and the spelling in {@link #spellingCountKey}; not a character of either. */
    private static final char SEPARATOR = '\u001F';

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

    /**
     * The sums of {@code tally} (null when it does not exist yet) after one article's contribution
     * went from {@code before} to {@code after} (either may be null); null when no article quotes the
     * speaker any more. The fields read from the indexes are left as they were: see {@link #withIndexes}.
     */
    public static SpeakerTally apply(SpeakerTally tally, SpeakerContribution before, SpeakerContribution after) {
        SpeakerContribution any = after != null ? after : before;
        SpeakerTally next = tally != null ? SpeakerTally.newBuilder(tally).build() : SpeakerTally.newBuilder()
                .setSpeaker(any.getSpeaker())
                .setStatements(0)
                .setArticles(0)
                .build();
        if (before != null) {
            next.setStatements(next.getStatements() - before.getStatements());
            next.setArticles(next.getArticles() - 1);
        }
        if (after != null) {
            next.setStatements(next.getStatements() + after.getStatements());
            next.setArticles(next.getArticles() + 1);
        }
        return next.getArticles() > 0 ? next : null;
    }

    /**
     * {@code tally} with the fields its indexes answer: the name most statements use, the first
     * publication date, and the publication date and quote of its most recent contribution.
     */
    public static SpeakerTally withIndexes(SpeakerTally tally, String shownName, String firstPublished,
            SpeakerContribution latest) {
        tally.setSpeaker(shownName);
        tally.setFirstPublished(firstPublished);
        tally.setLastPublished(latest.getPublished());
        tally.setLatestQuote(latest.getLatestQuote());
        return tally;
    }

    /**
     * Where a contribution sits in its speaker's recency index: by publication date (none first),
     * then ingestion time, then article id, so the last entry is the most recent contribution.
     */
    public static Bytes recencyKey(String speaker, SpeakerContribution c) {
        return SortKey.in(speaker).ascending(c.getPublished()).number(c.getIngestedAt().toEpochMilli())
                .ascending(c.getArticleId()).bytes();
    }

    /** The first key of a speaker's recency index with a publication date: no date sorts before it. */
    public static Bytes firstDatedKey(String speaker) {
        return SortKey.in(speaker).ascending("\u0001").bytes();
    }

    /** The first key of {@code speaker}'s range in an index. */
    public static Bytes first(String speaker) {
        return SortKey.first(speaker);
    }

    /** The last key of {@code speaker}'s range in an index. */
    public static Bytes last(String speaker) {
        return SortKey.last(speaker);
    }

    /** The key of a spelling's statement count. */
    public static String spellingCountKey(String speaker, String spelling) {
        return speaker + SEPARATOR + spelling;
    }
}
