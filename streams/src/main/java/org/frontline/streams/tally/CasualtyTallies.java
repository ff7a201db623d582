package org.frontline.streams.tally;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.utils.Bytes;
import org.frontline.avro.CasualtyFigure;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.state.CasualtyContribution;

/**
 * The arithmetic of casualty tallies, keyed by {@code outcome|victims|party} ({@code -} for no
 * party). Sums are kept as numbers and changed by the difference between an article's contribution
 * before and after; the largest cumulative figure, which a sum cannot take back, is read from an
 * index ordered by figure ({@link #cumulativeKey}). Plain functions: no Kafka.
 */
public final class CasualtyTallies {

    private static final String NO_PARTY = "-";
    /** The month of figures whose article has no publication date. */
    public static final String UNKNOWN_MONTH = "unknown";
    private static final int HEADLINE_CHARS = 80;

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
                    .setTitle(headline(enriched.getArticle().getTitle(), enriched.getArticle().getBody()))
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

    /**
     * What names an article to a reader: its title, or when it has none the opening words of its text,
     * cut at a word and marked with an ellipsis. Runs of white space become one space. Only the opening
     * of the body is read: this runs for every tally an article counts in.
     */
    public static String headline(String title, String body) {
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        String text = opening(body == null ? "" : body, HEADLINE_CHARS + 1);
        if (text.length() <= HEADLINE_CHARS) {
            return text.isEmpty() ? null : text;
        }
        int cut = text.lastIndexOf(' ', HEADLINE_CHARS);
        return text.substring(0, cut > HEADLINE_CHARS / 2 ? cut : HEADLINE_CHARS).strip() + "…";
    }

    /** At most {@code limit} characters of {@code body} from its start, stripped, each run of white space one space. */
    private static String opening(String body, int limit) {
        StringBuilder text = new StringBuilder(limit);
        boolean space = false;
        for (int i = 0; i < body.length() && text.length() < limit; i++) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                space = text.length() > 0;
            } else {
                if (space) {
                    text.append(' ');
                    space = false;
                }
                text.append(c);
            }
        }
        return text.length() > limit ? text.substring(0, limit) : text.toString();
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

    /**
     * The sums of {@code tally} (null when it does not exist yet) after one article's contribution
     * went from {@code before} to {@code after} (either may be null); null when no article counts in
     * it any more. The latest cumulative figure is left as it was: see {@link #withLatest}.
     */
    public static CasualtyTally apply(CasualtyTally tally, CasualtyContribution before, CasualtyContribution after) {
        CasualtyContribution any = after != null ? after : before;
        CasualtyTally next = tally != null ? CasualtyTally.newBuilder(tally).build() : CasualtyTally.newBuilder()
                .setOutcome(any.getOutcome())
                .setVictims(any.getVictims())
                .setParty(any.getParty())
                .setIncidentTotal(0)
                .setReports(0)
                .setArticles(0)
                .build();
        if (before != null) {
            next.setIncidentTotal(next.getIncidentTotal() - before.getIncidentTotal());
            next.setReports(next.getReports() - before.getReports());
            next.setArticles(next.getArticles() - 1);
        }
        if (after != null) {
            next.setIncidentTotal(next.getIncidentTotal() + after.getIncidentTotal());
            next.setReports(next.getReports() + after.getReports());
            next.setArticles(next.getArticles() + 1);
        }
        return next.getArticles() > 0 ? next : null;
    }

    /** {@code tally} with its latest cumulative figure taken from {@code largest} (null: none). */
    public static CasualtyTally withLatest(CasualtyTally tally, CasualtyContribution largest) {
        tally.setLatestCumulative(largest == null ? null : largest.getMaxCumulative());
        tally.setLatestCumulativeArticle(largest == null ? null : largest.getArticleId());
        tally.setLatestCumulativePublished(largest == null ? null : largest.getPublished());
        tally.setLatestCumulativeTitle(largest == null ? null : largest.getTitle());
        return tally;
    }

    /**
     * Where a contribution with a cumulative figure sits in its tally's index: by figure, then
     * publication date, then article id, so the last entry of the tally's range is its latest
     * cumulative figure.
     */
    public static Bytes cumulativeKey(String tally, CasualtyContribution c) {
        return SortKey.in(tally).number(c.getMaxCumulative()).ascending(c.getPublished())
                .ascending(c.getArticleId()).bytes();
    }
}
