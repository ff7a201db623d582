package org.frontline.streams.tally;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.frontline.avro.CasualtyFigure;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.state.CasualtyAggregate;
import org.frontline.avro.state.CasualtyContribution;

/**
 * The arithmetic of casualty tallies, keyed by {@code outcome|victims|party} ({@code -} for no
 * party). An aggregate keeps each article's contribution, so the adder and the subtractor are exact
 * inverses even for the largest cumulative figure, which a sum alone could not take back.
 */
public final class CasualtyTallies {

    private static final String NO_PARTY = "-";
    /** The month of figures whose article has no publication date. */
    public static final String UNKNOWN_MONTH = "unknown";

    private CasualtyTallies() {
    }

    /** The tally key of a figure. */
    public static String key(String outcome, String victims, String party) {
        return outcome + "|" + victims + "|" + (party == null ? NO_PARTY : party);
    }

    /** What an article contributes to each casualty tally it counts in. */
    public static Map<String, CasualtyContribution> contributions(EnrichedArticle enriched) {
        Map<String, CasualtyContribution> byKey = new LinkedHashMap<>();
        for (CasualtyFigure figure : enriched.getCasualties()) {
            String key = key(figure.getOutcome(), figure.getVictims(), figure.getParty());
            CasualtyContribution c = byKey.computeIfAbsent(key, k -> CasualtyContribution.newBuilder()
                    .setArticleId(enriched.getArticle().getId())
                    .setOutcome(figure.getOutcome())
                    .setVictims(figure.getVictims())
                    .setParty(figure.getParty())
                    .setIncidentTotal(0)
                    .setReports(0)
                    .setMaxCumulative(null)
                    .setPublished(enriched.getArticle().getPublished())
                    .build());
            c.setReports(c.getReports() + 1);
            if (figure.getCumulative()) {
                Long max = c.getMaxCumulative();
                c.setMaxCumulative(max == null ? figure.getCount() : Math.max(max, figure.getCount()));
            } else {
                c.setIncidentTotal(c.getIncidentTotal() + figure.getCount());
            }
        }
        return byKey;
    }

    /** The tally key a contribution counts in. */
    public static String key(CasualtyContribution c) {
        return key(c.getOutcome(), c.getVictims(), c.getParty());
    }

    /** The month a contribution counts in: {@code tally key|YYYY-MM}, or {@code |unknown} without a date. */
    public static String monthKey(CasualtyContribution c) {
        return key(c) + "|" + month(c.getPublished());
    }

    /** {@code YYYY-MM} of a publication date, or {@code unknown}. */
    public static String month(String published) {
        return published == null || published.length() < 7 ? UNKNOWN_MONTH : published.substring(0, 7);
    }

    public static CasualtyAggregate empty() {
        return new CasualtyAggregate(new HashMap<>());
    }

    /** Adds an article's contribution (replacing any earlier one of the same article). */
    public static CasualtyAggregate add(CasualtyContribution c, CasualtyAggregate aggregate) {
        aggregate.getContributions().put(c.getArticleId(), c);
        return aggregate;
    }

    /** Takes an article's contribution out. */
    public static CasualtyAggregate subtract(CasualtyContribution c, CasualtyAggregate aggregate) {
        aggregate.getContributions().remove(c.getArticleId());
        return aggregate;
    }

    /** The tally an aggregate adds up to, or null when no article counts in it any more. */
    public static CasualtyTally tally(CasualtyAggregate aggregate) {
        if (aggregate == null || aggregate.getContributions().isEmpty()) {
            return null;
        }
        CasualtyContribution any = aggregate.getContributions().values().iterator().next();
        CasualtyTally tally = CasualtyTally.newBuilder()
                .setOutcome(any.getOutcome())
                .setVictims(any.getVictims())
                .setParty(any.getParty())
                .setIncidentTotal(0)
                .setReports(0)
                .setArticles(aggregate.getContributions().size())
                .build();
        for (CasualtyContribution c : aggregate.getContributions().values()) {
            tally.setIncidentTotal(tally.getIncidentTotal() + c.getIncidentTotal());
            tally.setReports(tally.getReports() + c.getReports());
        }
        aggregate.getContributions().values().stream()
                .filter(c -> c.getMaxCumulative() != null)
                .max(Comparator.comparingLong(CasualtyContribution::getMaxCumulative)
                        .thenComparing(c -> c.getPublished() == null ? "" : c.getPublished())
                        .thenComparing(CasualtyContribution::getArticleId))
                .ifPresent(c -> {
                    tally.setLatestCumulative(c.getMaxCumulative());
                    tally.setLatestCumulativeArticle(c.getArticleId());
                    tally.setLatestCumulativePublished(c.getPublished());
                });
        return tally;
    }
}
