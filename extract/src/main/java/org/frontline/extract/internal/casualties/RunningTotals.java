package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * Whether a figure is a running total (Guidelines, "cumulative"): "Since 7 October, according to the UN, settlers
 * and soldiers have killed 851 Palestinians" is one, "A missile killed five people" is not. A cue in the figure's
 * clause ({@code cumulative}: "since", "so far", "dall'inizio") or a single period ({@code single-period}: "over
 * the past 24 hours") decides first; then one attack, the figure's size, and the figures and sentence before it.
 */
final class RunningTotals {

    private static final String MISSING = "missing";

    private final PhraseMap<Running> cumulative;
    private final PhraseMap<Boolean> singlePeriod;
    private final PhraseMap<Boolean> yearPeriods;
    private final PhraseMap<Boolean> superlatives;
    private final PhraseMap<String> tolls;
    private final PhraseMap<Boolean> days;
    private final int cueDistance;
    private final long runningTotalScale;
    private final Attacks attacks;
    private final DayRanges dayRanges;

    RunningTotals(CasualtyLexicon words, Attacks attacks) {
        this.cumulative = words.cumulative;
        this.singlePeriod = words.singlePeriod;
        this.yearPeriods = words.yearPeriods;
        this.superlatives = words.superlatives;
        this.tolls = words.tolls;
        this.days = words.days;
        this.cueDistance = words.cueDistance;
        this.runningTotalScale = words.runningTotalScale;
        this.attacks = attacks;
        this.dayRanges = new DayRanges(words);
    }

    /**
     * Decides whether a figure is a running total, in this order: a cue near it; one attack named before it or in
     * its clause ("the explosion of the pagers killed 12 people": one event), which also outweighs a cue that only
     * says when it happened ("An airstrike last week killed 12 people"); its size ({@code
     * casualties.running-total-scale}), unless it goes on from one event's figure ({@link #sharesEvent}); the
     * figure before it in the sentence; what the sentence before says of the event's length ({@code context}); the
     * last figure before it in its paragraph ({@code before}). One person is never a running total. A side's military
     * losses are a running total unless a cue or an attack says otherwise.
     *
     * @param previous the figure before it in its sentence, or null
     * @param before   the last figure of the sentences before in the same paragraph, or null
     * @param context  what the sentence before says of the event's length ({@link #carriedOver}), or null
     */
    void decide(List<Token> tokens, Candidate figure, Candidate previous, Candidate before, Boolean context) {
        if (figure.count == 1) {
            // One person is killed, wounded or taken once: nothing adds up over days, whatever the sentence's cues
            // say ("the first soldier killed since the truce"), and "è morto anche un civile azero" after a running
            // total is one event (Guidelines, cumulative).
            figure.cumulative = false;
            return;
        }
        boolean oneEvent = isOneEvent(tokens, figure);
        Boolean cue = cumulativeCue(tokens, figure, oneEvent);
        if (cue != null) {
            figure.cumulative = cue;
        } else if (oneEvent) {
            figure.cumulative = false;
        } else if (figure.count >= runningTotalScale && sharesEvent(tokens, figure, previous)) {
            figure.cumulative = isArmyLosses(figure);
        } else if (figure.count >= runningTotalScale) {
            figure.cumulative = true;
        } else if (previous != null) {
            figure.cumulative = previous.cumulative || isArmyLosses(figure);
        } else if (before == null && context != null) {
            figure.cumulative = context || isArmyLosses(figure);
        } else {
            // The missing are counted as they stand now, so they do not take a running total from before; nor do
            // the casualties of a day the sentence names by its date ("Il 19 agosto un camion bomba aveva ucciso 22
            // persone" after the war's toll).
            figure.cumulative = isArmyLosses(figure) || before != null && before.cumulative
                    && !figure.outcome.equals(MISSING) && !namesDate(tokens, figure.number.start());
        }
    }

    /** Whether a date of one day ("19 August", "il 2 agosto") stands before token {@code end} of the sentence. */
    private boolean namesDate(List<Token> tokens, int end) {
        for (int k = 0; k < end; k++) {
            if (dayRanges.mayStartAt(tokens.get(k)) && dayRanges.endOfDateAt(tokens, k) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a figure is a side's military losses, which armies and ministries count as they go ("Russian losses
     * have passed 700,000"); people killed or wounded with no side's soldiers named ("Some 40 people were killed or
     * wounded") are one event's like any other figure.
     */
    private static boolean isArmyLosses(Candidate figure) {
        return figure.outcome.equals(Candidate.LOSSES) && Candidate.MILITARY.equals(figure.victims);
    }

    /**
     * Whether a figure goes on from the figure before it in its sentence, which is one event's toll: "Twelve people
     * were killed and more than 2,750 wounded", "killed 12 people, including two children, and wounded about
     * 2,800". That event is the figure's too, however large the figure (Guidelines, cumulative: one attack's toll
     * is no running total); a count noun ("bringing the death toll to 35,000") or a clause of its own after a
     * semicolon tells a total of its own.
     */
    private static boolean sharesEvent(List<Token> tokens, Candidate figure, Candidate previous) {
        return previous != null && !previous.cumulative && !figure.rule.equals(TollPattern.RULE)
                && !Clauses.containsMark(tokens, previous.number.end(), figure.number.start(), ";");
    }

    /**
     * What the sentence before, in the same paragraph, says of the event's length for this sentence's figures
     * ("after a three-day assault. More than 400 people were killed"): its {@link #lastPeriodCue}, unless this
     * sentence names its own day ({@code days}) or single period ({@code period} false); null for nothing.
     */
    Boolean carriedOver(List<Token> tokens, Boolean period, Boolean eventBefore) {
        return Boolean.FALSE.equals(period) || eventBefore == null || days.find(tokens, 0, tokens.size()) != null
                ? null : eventBefore;
    }

    /**
     * Whether the sentence names one attack before the figure ("L'attacco lanciato da Hamas il 7 ottobre è costato la
     * vita a circa 1.400 persone", "the explosion of the pagers killed 12 people and wounded about 2,800"): the
     * {@code attacks} entries marked {@code = one}. Its toll is that event's, not a running total.
     */
    private boolean isOneEvent(List<Token> tokens, Candidate figure) {
        return attacks.namesOneBefore(tokens, Clauses.clauseEnd(tokens, figure.evidenceEnd));
    }

    /**
     * Whether the cue nearest to the number speaks of a running total or of one period: a cue in the
     * number's own clause first, else the nearest one close by in the sentence, or anywhere in it when a
     * count noun ("the overall toll") introduces the number; null when there is none. A cue that says when ({@code
     * = when}: "last week") says nothing of one attack's toll.
     */
    private Boolean cumulativeCue(List<Token> tokens, Candidate figure, boolean oneEvent) {
        int from = Clauses.clauseStart(tokens, figure.number.start());
        int to = Clauses.clauseEnd(tokens, figure.evidenceEnd);
        Boolean inClause = nearestCue(tokens, figure, from, to, tokens.size(), oneEvent);
        if (inClause != null) {
            return inClause;
        }
        boolean tallied = tolls.find(tokens, 0, figure.number.start()) != null;
        // "Two soldiers were killed, bringing the toll in the ground offensive to 330": a cue after a later toll's
        // words is that toll's.
        Match<String> laterToll = tolls.find(tokens, Math.max(to, figure.evidenceEnd), tokens.size());
        int nearTo = laterToll == null ? tokens.size() : laterToll.start();
        Boolean near = nearestCue(tokens, figure, 0, nearTo, tallied ? tokens.size() : cueDistance, oneEvent);
        if (near != null) {
            return near;
        }
        // "Since 7 October, according to the UN, settlers and soldiers have killed 851 Palestinians": a period
        // set before the sentence's first comma frames all of it, however far the figure is.
        PeriodCue fronted = periodCue(tokens, 0, 1);
        if (fronted != null && fronted.running() != Running.NOT && !(oneEvent && fronted.running() == Running.WHEN)
                && isFramed(tokens, fronted.end(), figure.number.start())) {
            return fronted.running() != null;
        }
        // "a two-day operation in the Jenin refugee camp, ..., which left 12 Palestinians dead": the event the
        // sentence tells of lasted days, however far its words are from the figure.
        return Boolean.TRUE.equals(lastPeriodCue(tokens.subList(0, figure.number.start()))) ? Boolean.TRUE : null;
    }

    /**
     * Whether the sentence's first comma is at or after {@code from} and before {@code to}: the figure is in the
     * sentence the fronted period frames ("Since November 2023 the Houthis have attacked more than 100 ships with
     * missiles and drones, sinking two vessels and killing four sailors"), not inside the period's own phrase.
     */
    private static boolean isFramed(List<Token> tokens, int from, int to) {
        for (int k = 0; k < to; k++) {
            if (Clauses.isMark(tokens.get(k), ",")) {
                return k >= from;
            }
        }
        return false;
    }

    /**
     * What the first period cue of a list's heading says of its lines: true for a running total ("since fighting
     * began", "so far"), false for one day or one period ("in the past 24 hours"), null for no cue.
     */
    Boolean periodOf(List<Token> tokens) {
        for (PeriodCue cue = periodCue(tokens, 0, tokens.size()); cue != null;
                cue = periodCue(tokens, cue.end(), tokens.size())) {
            if (cue.running() == null) {
                return false;
            }
            if (cue.running() != Running.NOT) {
                return true;
            }
        }
        return null;
    }

    /**
     * What a sentence's last period cue says of the casualties told next: true when it is an event that lasted
     * days (the {@code cumulative} entries marked {@code = event}: "a three-day assault", "giorni di scontri"),
     * false when it is a single day, null for neither. Other running-total cues ("since 2022", "this year") say
     * how long a count ran, not an event, and are left to the figure's own sentence.
     */
    Boolean lastPeriodCue(List<Token> tokens) {
        Boolean last = null;
        for (PeriodCue cue = periodCue(tokens, 0, tokens.size()); cue != null;
                cue = periodCue(tokens, cue.end(), tokens.size())) {
            if (cue.running() == null) {
                last = false;
            } else if (cue.running() == Running.EVENT) {
                last = true;
            }
        }
        return last;
    }

    private Boolean nearestCue(List<Token> tokens, Candidate figure, int from, int to, int limit, boolean oneEvent) {
        int nearest = limit + 1;
        Boolean running = null;
        for (PeriodCue cue = periodCue(tokens, from, to); cue != null; cue = periodCue(tokens, cue.end(), to)) {
            boolean total = cue.running() != null;
            if (total && (cue.running() == Running.NOT || oneEvent && cue.running() == Running.WHEN
                    || isSuperlativePeriod(tokens, figure, cue.start()))) {
                continue;
            }
            int distance = cue.end() <= figure.evidenceStart ? figure.evidenceStart - cue.end()
                    : Math.max(0, cue.start() - figure.evidenceEnd);
            if (distance < nearest) {
                nearest = distance;
                running = total;
            }
        }
        return running;
    }

    /**
     * The first period cue starting in tokens {@code [from, to)}: a single period ({@code single-period}, running
     * null), which wins where both lists match, or an entry of {@code cumulative}; null when there is none.
     */
    private PeriodCue periodCue(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!cumulative.mayStartAt(tokens.get(k)) && !singlePeriod.mayStartAt(tokens.get(k))
                    && !yearPeriods.mayStartAt(tokens.get(k)) && !dayRanges.mayStartAt(tokens.get(k))) {
                continue;
            }
            int days = dayRanges.endOfRangeAt(tokens, k);
            if (days >= 0) {
                // "between 6 and 9 March", "negli scontri del 24 e 25 gennaio": an event that lasted days.
                return new PeriodCue(k, days, Running.EVENT);
            }
            Match<Boolean> period = singlePeriod.at(tokens, k);
            if (period != null) {
                return new PeriodCue(period.start(), period.end(), null);
            }
            Match<Running> total = cumulative.at(tokens, k);
            if (total != null) {
                return new PeriodCue(total.start(), total.end(), total.value());
            }
            Match<Boolean> year = yearPeriods.at(tokens, k);
            if (year != null && Filters.isYearToken(tokens.get(year.end() - 1))) {
                // "In 2023, 40 people were killed": a year is a period of its own, and says when one attack was.
                return new PeriodCue(year.start(), year.end(), Running.WHEN);
            }
        }
        return null;
    }

    /** A period cue's tokens and, for an entry of {@code cumulative}, its kind; null for a single period. */
    private record PeriodCue(int start, int end, Running running) {
    }

    /**
     * Whether a period measures a superlative, not the figure: after the figure, "killed 28 people, the deadliest
     * strike on the capital this year", "il bilancio più grave dall'inizio della guerra"; anywhere, a superlative
     * just before the period in its clause, "il più massiccio attacco aereo dall'inizio della guerra: almeno 12
     * persone sono state uccise".
     */
    private boolean isSuperlativePeriod(List<Token> tokens, Candidate figure, int cueStart) {
        if (cueStart >= figure.evidenceEnd && superlatives.find(tokens, figure.evidenceEnd, cueStart) != null) {
            return true;
        }
        int from = cueStart;
        while (from > 0 && cueStart - from < cueDistance && tokens.get(from - 1).isWord()) {
            from--;
        }
        return superlatives.find(tokens, from, cueStart) != null;
    }

    /**
     * The kinds of {@code cumulative} entries: a running-total cue, an event that lasted days ({@code = event}), a
     * period that also says when one attack was ({@code = when}: "last week", "il mese scorso"), or a longer phrase
     * that is no cue ({@code = not}: "in tutto il paese" keeps "in tutto" from matching).
     */
    enum Running {
        TOTAL, EVENT, WHEN, NOT;

        static Running of(String value) {
            return switch (value.strip()) {
                case "event" -> EVENT;
                case "when" -> WHEN;
                case "not" -> NOT;
                default -> TOTAL;
            };
        }
    }
}
