package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.numbers.NumberMatch;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * What is not a figure, however close it stands to people and an outcome: money, a part of a word, a clock time,
 * an age, a year, a date or a measure, a subset of a figure already counted, a hypothetical number. In "22
 * injured, including five children, after the 21:45 strike; the toll could pass 50", only 22 is a figure.
 */
final class Filters {

    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2100;
    /** Marks of one character each, told by {@link Clauses#isMark} without hashing the token's text. */
    private static final String CURRENCIES = "$€£";

    private final PhraseMap<Boolean> things;
    private final PhraseMap<Boolean> ages;
    private final PhraseMap<Boolean> subsets;
    private final PhraseMap<Boolean> groupOpeners;
    private final PhraseMap<Boolean> partitives;
    private final PhraseMap<Boolean> hypothetical;
    private final PhraseMap<Boolean> conditions;
    private final PhraseMap<Boolean> rejections;
    private final PhraseMap<Boolean> claims;
    private final PhraseMap<Boolean> yearPeriods;
    private final PhraseMap<Boolean> rates;
    private final PhraseMap<Boolean> comparisons;
    private final PhraseMap<Boolean> approximate;
    private final PhraseMap<String> outcomes;
    private final DayRanges dayRanges;

    Filters(CasualtyLexicon words) {
        this.things = words.things;
        this.ages = words.ages;
        this.subsets = words.subsets;
        this.groupOpeners = words.groupOpeners;
        this.partitives = words.partitives;
        this.hypothetical = words.hypothetical;
        this.conditions = words.conditions;
        this.rejections = words.rejections;
        this.claims = words.claims;
        this.yearPeriods = words.yearPeriods;
        this.rates = words.rates;
        this.comparisons = words.comparisons;
        this.approximate = words.approximate;
        this.outcomes = words.outcomes;
        this.dayRanges = new DayRanges(words);
    }

    /**
     * Whether the number counts something else than people by its shape and the marks around it: a part of a
     * compound ("5-year", "COVID-19"), money ("$20"), a clock time ("21:45"), an age ("aged 34"), a day of a span
     * of dates ("on 19 and 20 September") or a year as a period ("Nel 2024 le perdite russe sono state 430.790":
     * {@code year-periods}).
     */
    boolean countsOther(List<Token> tokens, NumberMatch number) {
        int start = number.start();
        int end = number.end();
        if (end < tokens.size() && tokens.get(end).is("-")) {
            return true;
        }
        if (start > 0 && (Clauses.isMark(tokens.get(start - 1), CURRENCIES)
                || tokens.get(start - 1).is("-") && start > 1 && tokens.get(start - 2).isWord())) {
            return true;
        }
        return isClockTime(tokens, start, end) || isAge(tokens, start) || dayRanges.isDayOfRange(tokens, start)
                || isYear(tokens, number) && yearPeriods.endingAt(tokens, end) != null;
    }

    /** Whether the words at {@code at} name things, not people ({@code things}): "7 October", "20 km", "5 years". */
    boolean isThing(List<Token> tokens, int at) {
        return things.at(tokens, at) != null;
    }

    /**
     * "22 injured, including five children", "tre delle quali", "52 of the dead", and breakdowns: "23 were
     * killed: 22 ... and one ...".
     */
    boolean isSubset(List<Token> tokens, Candidate candidate, Candidate previous) {
        int clause = Clauses.clauseStart(tokens, candidate.number.start());
        boolean breakdown = previous != null && clause > 0 && tokens.get(clause - 1).is(":")
                && previous.number.end() < clause;
        Match<Boolean> cue = subsets.find(tokens, clause, candidate.number.start());
        // "Among the 31 dead were 12 children": the figure the clause opens with is the group.
        boolean ofGroup = previous != null && previous.number.start() > clause
                && groupOpeners.endingAt(tokens, approximatedFrom(tokens, previous.number.start())) != null;
        return breakdown || ofGroup || partitives.at(tokens, candidate.number.end()) != null
                || !candidate.periodPart && isPartBefore(tokens, candidate.number.end())
                || cue != null && !splitsGroup(tokens, candidate, previous, cue);
    }

    /**
     * Whether a subset cue right after a number makes it the part ("two of them", "tre delle quali"), not the group
     * whose parts it opens ("killed 25 including children", "25 morti tra cui 10 bambini": {@code = opens}).
     */
    private boolean isPartBefore(List<Token> tokens, int at) {
        Match<Boolean> cue = subsets.at(tokens, at);
        return cue != null && cue.value();
    }

    /**
     * Guidelines, Hard cases: "within a group, a different outcome is a figure". A group named by no figure before
     * it and with no number of its own, then its parts by an outcome of their own: "The casualties included 12
     * dead and 40 wounded". The parts of "the dead included 12 children" (no outcome of their own) and of "six
     * people including two children died" (a group counted) stay a subset.
     */
    private boolean splitsGroup(List<Token> tokens, Candidate candidate, Candidate previous, Match<Boolean> cue) {
        if (previous != null && previous.number.start() < cue.start() || candidate.outcome == null) {
            return false;
        }
        for (int k = Clauses.clauseStart(tokens, cue.start()); k < cue.start(); k++) {
            if (tokens.get(k).isNumber()) {
                return false; // "Six people including two children died": the group has its number
            }
        }
        Match<String> group = outcomes.endingAt(tokens, cue.start());
        return group == null || !group.value().equals(candidate.outcome);
    }

    /** Where a number's approximation starts ("more than 31"), or the number's start when it has none. */
    private int approximatedFrom(List<Token> tokens, int start) {
        Match<Boolean> approx = approximate.endingAt(tokens, start);
        return approx != null ? approx.start() : start;
    }

    /**
     * A rate or an average, which the Guidelines say is no figure: the words of a rate right after the number or
     * its people ("1,177 a day", "1,500 casualties a day", "1.177 uomini al giorno"), or of an average before it
     * ("an average of about 1,500", "una media di 1.177").
     */
    boolean isRate(List<Token> tokens, Candidate candidate) {
        return rates.endingAt(tokens, approximatedFrom(tokens, candidate.number.start())) != null
                || rates.at(tokens, candidate.number.end()) != null
                || rates.at(tokens, candidate.phraseEnd) != null;
    }

    /**
     * A difference, which the Guidelines say is no figure: the words of a comparison right after the figure's people
     * ("1,000 more deaths than last year", "1.000 morti in più rispetto all'anno scorso").
     */
    boolean isDifference(List<Token> tokens, Candidate candidate) {
        return comparisons.at(tokens, candidate.phraseEnd) != null
                || comparisons.at(tokens, candidate.evidenceEnd) != null;
    }

    /**
     * A number a modal in its clause makes hypothetical or future ("could pass 500"), or a modal right after its
     * people ("33 hostages are to be freed", "33 ostaggi saranno liberati"), or that a condition earlier in its
     * sentence does ("Se confermate, le vittime sarebbero oltre 800").
     */
    boolean isHypothetical(List<Token> tokens, Candidate candidate) {
        int start = candidate.number.start();
        Match<Boolean> modal = hypothetical.find(tokens, Clauses.clauseStart(tokens, start), start);
        return modal != null && !tokens.get(modal.start()).isCapitalised()
                || hypothetical.at(tokens, candidate.phraseEnd) != null
                || conditions.find(tokens, 0, start) != null;
    }

    /**
     * A number inside a claim a speaker rejects as false, which the Guidelines say is no figure: a verb of {@code
     * rejections}, then a word for the claim ({@code claims}), then the number with no comma or semicolon after the
     * claim's word ("dismissed as propaganda a statement saying its fighters had killed 350 soldiers").
     */
    boolean isRejected(List<Token> tokens, Candidate candidate) {
        int start = candidate.number.start();
        Match<Boolean> rejection = rejections.find(tokens, 0, start);
        Match<Boolean> claim = rejection == null ? null : claims.findLast(tokens, rejection.end(), start);
        return claim != null && !Clauses.containsMark(tokens, claim.end(), start, ",")
                && !Clauses.containsMark(tokens, claim.end(), start, ";");
    }

    /** A four-digit number that reads as a year. */
    static boolean isYear(List<Token> tokens, NumberMatch number) {
        return number.end() == number.start() + 1 && isYearToken(tokens.get(number.start()));
    }

    /** A year written alone, four digits: "2023" (not "12.5" or "1,000"). */
    static boolean isYearToken(Token token) {
        String text = token.text();
        if (!token.isNumber() || text.length() != 4) {
            return false;
        }
        int value = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value >= FIRST_YEAR && value <= LAST_YEAR;
    }

    /** "aged 34", "di 14 anni": a number inside an age ({@code ages}) counts years, not people. */
    private boolean isAge(List<Token> tokens, int number) {
        for (int k = Math.max(0, number - 2); k <= number; k++) {
            Match<Boolean> age = ages.at(tokens, k);
            if (age != null && age.end() > number) {
                return true;
            }
        }
        return false;
    }

    /** "21:45", "00:01": hours and minutes. */
    private static boolean isClockTime(List<Token> tokens, int start, int end) {
        boolean after = end + 1 < tokens.size() && tokens.get(end).is(":") && tokens.get(end + 1).isNumber();
        boolean before = start > 1 && tokens.get(start - 1).is(":") && tokens.get(start - 2).isNumber();
        return after || before;
    }
}
