package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * The {@code active} rule: a verb before the number gives the outcome, "killed at least 10", "uccidendo 21 civili",
 * "ha riportato a casa 95 ucraini", and with a copula between them "i militari russi uccisi sono 89". Between the
 * verb and the number may stand a qualifier ("at least"), gaps and auxiliaries, or, where the language puts one
 * there, a prepositional phrase ("ha catturato nella regione di Kursk due soldati").
 */
final class ActivePattern {

    static final String RULE = "active";
    /** Marks that open a quoted phrase between a verb and its number. */
    private static final String OPENING_QUOTES = "«“\"‘";

    private final PhraseMap<String> outcomes;
    private final PhraseMap<String> victims;
    private final PhraseMap<String> nationalities;
    private final PhraseMap<Boolean> approximate;
    private final PhraseMap<Boolean> singularCopulas;
    private final PhraseMap<Boolean> objectGapOpeners;
    private final PhraseMap<Boolean> auxiliaries;
    private final PhraseMap<Boolean> gaps;
    private final int gapLimit;
    private final int objectGapLimit;

    ActivePattern(CasualtyLexicon words) {
        this.outcomes = words.activeOutcomes;
        this.victims = words.victims;
        this.nationalities = words.nationalities;
        this.approximate = words.approximate;
        this.singularCopulas = words.singularCopulas;
        this.objectGapOpeners = words.objectGapOpeners;
        this.auxiliaries = words.auxiliaries;
        this.gaps = words.gaps;
        this.gapLimit = words.gapLimit;
        this.objectGapLimit = words.objectGapLimit;
    }

    /**
     * Ties a candidate to the verb {@link #before} its number; false when a copula in the singular joins them:
     * "The third child killed was 17" is an age, "the number of people killed was 17" a toll.
     */
    boolean bind(List<Token> tokens, Candidate candidate, Match<String> verb) {
        if (candidate.count > 1 && singularCopulas.find(tokens, verb.end(), candidate.number.start()) != null) {
            return false;
        }
        describedBefore(tokens, candidate, verb);
        tie(candidate, verb);
        return true;
    }

    /**
     * Hostages are people in a state another outcome can end: "Hamas killed three hostages" counts the dead,
     * "freed 3 hostages" stays captured (a verb after them is read with the candidate, {@link CandidateReader}).
     */
    void bindHostages(List<Token> tokens, Candidate candidate) {
        if (!candidate.outcome.equals(Candidate.CAPTURED)) {
            return;
        }
        Match<String> verb = before(tokens, candidate.number.start());
        if (verb != null && !verb.value().equals(Candidate.CAPTURED)) {
            tie(candidate, verb);
        }
    }

    private static void tie(Candidate candidate, Match<String> verb) {
        candidate.outcome = verb.value();
        candidate.rule = RULE;
        candidate.widenEvidence(verb.start(), verb.end());
    }

    /**
     * "i militari russi uccisi sono 89", "the soldiers killed were 89": when a copula joins the outcome to
     * the number, the words before the outcome are the people counted, so they give the victims and, with
     * a nationality, the side. Without one they are the killers ("Russian soldiers killed 5").
     */
    private void describedBefore(List<Token> tokens, Candidate candidate, Match<String> outcome) {
        if (candidate.victims != null || auxiliaries.find(tokens, outcome.end(), candidate.number.start()) == null) {
            return;
        }
        Match<String> nationality = nationalities.endingAt(tokens, outcome.start());
        Match<String> victim = victims.endingAt(tokens, nationality != null ? nationality.start() : outcome.start());
        if (victim == null) {
            return;
        }
        candidate.victims = victim.value();
        if (candidate.party == null && nationality != null) {
            candidate.party = nationality.value();
        }
    }

    /**
     * The verb before the number at {@code start}, or null: "killed at least 10", "i militari uccisi sono 89",
     * "ucciso nella notte 270".
     */
    Match<String> before(List<Token> tokens, int start) {
        int p = start;
        Match<Boolean> approx = approximate.endingAt(tokens, p);
        if (approx != null) {
            p = approx.start();
        }
        if (p > 0 && Clauses.isMark(tokens.get(p - 1), OPENING_QUOTES)) {
            p--; // the words quoted from a report: "ha detto di aver ucciso «più di 100 terroristi»"
        }
        for (int skipped = 0; skipped < gapLimit; skipped++) {
            Match<String> outcome = outcomes.endingAt(tokens, p);
            if (outcome != null) {
                return outcome;
            }
            Match<Boolean> gap = gaps.endingAt(tokens, p);
            if (gap == null) {
                gap = auxiliaries.endingAt(tokens, p);
            }
            if (gap == null) {
                return outcomeBeforePhrase(tokens, p);
            }
            p = gap.start();
        }
        return outcomes.endingAt(tokens, p);
    }

    /**
     * An outcome before a prepositional phrase that stands between it and its number, where the language puts
     * one there: "ha catturato nella regione russa di Kursk due soldati", "riportato a casa dalla prigionia russa
     * 3.767 ucraini", "i civili uccisi nel 2024 sono 589". The phrase is words and years only, at most {@code
     * casualties.object-gap-limit} of them, and opens with a word of {@code object-gap-openers}.
     */
    private Match<String> outcomeBeforePhrase(List<Token> tokens, int end) {
        for (int q = end - 1; q >= Math.max(0, end - objectGapLimit); q--) {
            Token token = tokens.get(q);
            // A year is a word of the phrase: "i civili uccisi nel 2024 sono 589".
            if (!token.isWord() && !Filters.isYearToken(token)) {
                return null;
            }
            Match<String> outcome = objectGapOpeners.contains(token) ? outcomes.endingAt(tokens, q) : null;
            if (outcome != null) {
                return outcome;
            }
        }
        return null;
    }
}
