package org.frontline.launcher.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of every casualty and statement tally that a run is judged on, whether computed by the
 * {@link TallyOracle} or read from the tally topics or the consumer's files.
 *
 * <p>Compared are the numbers each tally adds up, and what a fold over the corpus fixes without knowing
 * the order in which articles arrived. The fields that name or quote one article (the latest cumulative
 * figure's article, date and title, a speaker's latest quote, last date and shown spelling) are not: they
 * depend on ingestion times and tie-breaks by article id, which an extraction does not carry.
 *
 * @param casualties by {@code outcome|victims|party}
 * @param statements by speaker's canonical key
 */
public record Tallies(Map<String, Casualty> casualties, Map<String, Speaker> statements) {

    /**
     * One casualty tally.
     *
     * @param incidentTotal    the sum of non-cumulative figures
     * @param reports          the figures counted
     * @param articles         the articles counted
     * @param latestCumulative the largest cumulative figure, or null
     */
    public record Casualty(long incidentTotal, long reports, long articles, Long latestCumulative) {
    }

    /**
     * One statement tally.
     *
     * @param statements     the statements counted
     * @param articles       the articles counted
     * @param firstPublished the earliest publication date of an article counted, or null when none has one
     */
    public record Speaker(long statements, long articles, String firstPublished) {
    }

    public Tallies {
        casualties = Map.copyOf(casualties);
        statements = Map.copyOf(statements);
    }

    /**
     * How {@code actual} differs from these, the expected tallies: article counts short of what is
     * expected (lost) or beyond it (double-counted), and every tally that differs in any figure.
     */
    public Comparison compare(Tallies actual) {
        List<String> differences = new ArrayList<>();
        long[] lostAndDoubled = new long[2];
        diff("casualties", casualties, actual.casualties, Casualty::articles, differences, lostAndDoubled);
        diff("statements", statements, actual.statements, Speaker::articles, differences, lostAndDoubled);
        return new Comparison(lostAndDoubled[0], lostAndDoubled[1], differences);
    }

    private static <T> void diff(String what, Map<String, T> expected, Map<String, T> actual,
            java.util.function.ToLongFunction<T> articles, List<String> differences, long[] lostAndDoubled) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            T want = expected.get(key);
            T got = actual.get(key);
            if (Objects.equals(want, got)) {
                continue;
            }
            long gap = (got == null ? 0 : articles.applyAsLong(got)) - (want == null ? 0 : articles.applyAsLong(want));
            if (gap < 0) {
                lostAndDoubled[0] -= gap;
            } else {
                lostAndDoubled[1] += gap;
            }
            differences.add(what + " " + key + ": expected " + want + ", got " + got);
        }
    }

    /**
     * The outcome of {@link #compare}.
     *
     * @param lost          articles missing from tallies, summed over tallies
     * @param doubleCounted articles counted more often than expected, summed over tallies
     * @param differences   one line per tally that differs
     */
    public record Comparison(long lost, long doubleCounted, List<String> differences) {

        /** True when every tally is exactly as expected. */
        public boolean equal() {
            return differences.isEmpty();
        }
    }

    /** Sorted copies, for printing. */
    public Tallies sorted() {
        return new Tallies(new TreeMap<>(casualties), new TreeMap<>(statements));
    }
}
