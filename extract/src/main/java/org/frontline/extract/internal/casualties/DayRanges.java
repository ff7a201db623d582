package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Token;

import java.util.List;
import java.util.Set;

/**
 * Spans of several days named by their dates: "between 6 and 9 March", "24 and 25 January", "March 6 to 9", "tra il 6
 * e il 9 marzo", "del 19 e 20 settembre" ({@code months}, and {@code casualties.day-range-joiners} between the days).
 * Such a span is a period of more than one day (Guidelines, cumulative: "between 6 and 9 March"), and its first day
 * is a date, not a count.
 */
final class DayRanges {

    private static final int LAST_DAY = 31;
    /** Joiner tokens allowed between the two days: "6 and 9", "6 e il 9". */
    private static final int MAX_JOINERS = 2;

    private final PhraseMap<Boolean> months;
    private final Set<String> joiners;

    DayRanges(CasualtyLexicon words) {
        this.months = words.months;
        this.joiners = words.dayRangeJoiners;
    }

    /** Whether a span of days may start at this token: a number or the first word of a month. */
    boolean mayStartAt(Token token) {
        return token.isNumber() || months.mayStartAt(token);
    }

    /** The end of the span of days starting at token {@code k}, or -1 when none starts there. */
    int endOfRangeAt(List<Token> tokens, int k) {
        Match<Boolean> month = months.at(tokens, k);
        if (month != null) {
            // "March 6 to 9"
            int second = isDay(tokens, month.end()) ? secondDay(tokens, month.end()) : -1;
            return second < 0 ? -1 : second + 1;
        }
        int second = isDay(tokens, k) ? secondDay(tokens, k) : -1;
        if (second < 0) {
            return -1;
        }
        Match<Boolean> after = months.at(tokens, second + 1);
        return after == null ? -1 : after.end();
    }

    /**
     * The end of the one day named by its date at token {@code k} ("19 August", "August 19", "il 2 agosto" from
     * the 2), or -1. A span of days is not one day; a month and a year ("March 2022") name no day.
     */
    int endOfDateAt(List<Token> tokens, int k) {
        if (endOfRangeAt(tokens, k) >= 0) {
            return -1;
        }
        Match<Boolean> month = months.at(tokens, k);
        if (month != null) {
            return isDay(tokens, month.end()) ? month.end() + 1 : -1;
        }
        Match<Boolean> after = isDay(tokens, k) ? months.at(tokens, k + 1) : null;
        return after == null ? -1 : after.end();
    }

    /** Whether the number at {@code k} is a day of a span: the first of "6 and 9 March", the second of "March 6-9". */
    boolean isDayOfRange(List<Token> tokens, int k) {
        if (endOfRangeAt(tokens, k) >= 0) {
            return true;
        }
        for (int start = k - 1; start >= Math.max(0, k - MAX_JOINERS - 2); start--) {
            if (months.at(tokens, start) != null && endOfRangeAt(tokens, start) == k + 1) {
                return true;
            }
        }
        return false;
    }

    /** The token of the later day joined to the day at {@code first}, or -1. */
    private int secondDay(List<Token> tokens, int first) {
        int k = first + 1;
        while (k < tokens.size() && k - first <= MAX_JOINERS && joiners.contains(tokens.get(k).norm())) {
            k++;
        }
        return k > first + 1 && isDay(tokens, k) && day(tokens.get(k)) > day(tokens.get(first)) ? k : -1;
    }

    private static boolean isDay(List<Token> tokens, int k) {
        if (k >= tokens.size() || !tokens.get(k).isNumber()) {
            return false;
        }
        int day = day(tokens.get(k));
        return day >= 1 && day <= LAST_DAY;
    }

    private static int day(Token token) {
        String text = token.text();
        if (text.isEmpty() || text.length() > 2) {
            return -1;
        }
        for (int c = 0; c < text.length(); c++) {
            if (!Character.isDigit(text.charAt(c))) {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }
}
