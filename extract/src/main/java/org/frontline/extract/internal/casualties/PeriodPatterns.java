package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.numbers.NumberMatch;
import org.frontline.extract.internal.numbers.NumberReader;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * Two rules for a number that counts the part of a figure in one period, its people and outcome left out and
 * taken from the figure before it (Guidelines, Hard cases: a figure for a period of its own is a figure):
 * <ul>
 *   <li>{@code period-part}: a subset's words, then a single period: "1.140 dei quali nelle ultime 24 ore";</li>
 *   <li>{@code elided-period}: a number of a list with a period of its own: "106.720 perdite nel 2022, 253.290 nel
 *       2023 e 430.790 nel 2024", "15 on Tuesday", "12 il giorno dopo".</li>
 * </ul>
 */
final class PeriodPatterns {

    static final String PERIOD_PART = "period-part";
    static final String ELIDED_PERIOD = "elided-period";

    private final NumberReader numbers;
    private final PhraseMap<Boolean> subsets;
    private final PhraseMap<Boolean> singlePeriod;
    private final PhraseMap<Boolean> days;
    private final PhraseMap<Boolean> listJoiners;
    private final PhraseMap<String> outcomes;
    private final PhraseMap<String> victims;
    private final int gapLimit;

    PeriodPatterns(CasualtyLexicon words, NumberReader numbers) {
        this.numbers = numbers;
        this.subsets = words.subsets;
        this.singlePeriod = words.singlePeriod;
        this.days = words.days;
        this.listJoiners = words.listJoiners;
        this.outcomes = words.outcomes;
        this.victims = words.victims;
        this.gapLimit = words.gapLimit;
    }

    /** The candidate of a number that counts a period's part, up to the end of its period; null for another. */
    Candidate read(List<Token> tokens, NumberMatch number) {
        Match<Boolean> ofWhom = subsets.at(tokens, number.end());
        Match<Boolean> period = ofWhom == null ? null
                : singlePeriod.find(tokens, ofWhom.end(), ofWhom.end() + gapLimit);
        if (period != null) {
            return periodPart(number, PERIOD_PART, period.end());
        }
        int elided = elidedPeriodEnd(tokens, number);
        // "106.720 perdite nel 2022, 253.290 nel 2023 e 430.790 nel 2024": the figure before gives the outcome.
        return elided > 0 ? periodPart(number, ELIDED_PERIOD, elided) : null;
    }

    /** Ties a period's part to the outcome of the figure before it; false when there is none. */
    static boolean bind(Candidate candidate, Candidate previous) {
        candidate.outcome = previous != null ? previous.outcome : null;
        return previous != null;
    }

    private static Candidate periodPart(NumberMatch number, String rule, int end) {
        Candidate candidate = new Candidate(number);
        candidate.periodPart = true;
        candidate.rule = rule;
        candidate.bare = true;
        candidate.phraseEnd = end;
        return candidate;
    }

    /**
     * Where the period ends of a number that follows a list's comma or joiner and is followed by a period of its
     * own, with its people and outcome left out: "253,290 in 2023", "15 on Tuesday", "12 il giorno dopo". A year,
     * a word of {@code days} or a single period within {@code casualties.gap-limit} tokens; -1 when the number is
     * not such a figure.
     */
    private int elidedPeriodEnd(List<Token> tokens, NumberMatch number) {
        int start = number.start();
        boolean listed = start > 0 && (tokens.get(start - 1).is(",") || listJoiners.contains(tokens.get(start - 1)));
        if (!listed || Filters.isYear(tokens, number)) {
            return -1;
        }
        for (int k = number.end(); k < Math.min(tokens.size(), number.end() + gapLimit); k++) {
            Token token = tokens.get(k);
            NumberMatch year = token.isNumber() ? numbers.read(tokens, k) : null;
            if (year != null && Filters.isYear(tokens, year)) {
                return year.end();
            }
            Match<Boolean> day = days.mayStartAt(token) ? days.at(tokens, k) : null;
            Match<Boolean> period = day == null && singlePeriod.mayStartAt(token) ? singlePeriod.at(tokens, k) : null;
            if (day != null || period != null) {
                return day != null ? day.end() : period.end();
            }
            if (!token.isWord() || outcomes.at(tokens, k) != null || victims.at(tokens, k) != null) {
                return -1;
            }
        }
        return -1;
    }
}
