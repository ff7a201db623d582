package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * The {@code toll} rule: a count noun ({@code tolls}) and a link ({@code toll-links}) before the number give the
 * outcome, "the death toll stood at 23", "bringing the total ... to 362,280", "il bilancio è salito a 57", "le
 * perdite ... ammontano a 120.160". A count noun that names no outcome ("the number of people killed") takes the
 * outcome word after it, else the figure's before it. The count noun may also follow the number, as headlines put
 * it: "È salito a 45 il bilancio dei morti", "aveva indicato in 40 il numero dei marinai morti".
 */
final class TollPattern {

    static final String RULE = "toll";
    /** The value of a count noun that takes its outcome from the words after it or the figure before. */
    private static final String FROM_CONTEXT = "-";

    private final PhraseMap<String> tolls;
    private final PhraseMap<Boolean> tollLinks;
    private final PhraseMap<Boolean> approximate;
    private final PhraseMap<String> outcomes;
    private final PhraseMap<String> victims;
    private final PhraseMap<String> nationalities;
    private final PhraseMap<Boolean> determiners;
    private final int tollWindow;
    private final Attacks attacks;

    TollPattern(CasualtyLexicon words, Attacks attacks) {
        this.tolls = words.tolls;
        this.tollLinks = words.tollLinks;
        this.approximate = words.approximate;
        this.outcomes = words.outcomes;
        this.victims = words.victims;
        this.nationalities = words.nationalities;
        this.determiners = words.determiners;
        this.tollWindow = words.tollWindow;
        this.attacks = attacks;
    }

    /**
     * Ties a candidate to the count noun within {@code casualties.toll-window} tokens before its link, after the
     * figure before it; also the people and the side the noun's phrase names. False when there is none.
     *
     * @param before the last figure of the sentence just before in the same paragraph, or null: a count noun that
     *               names no outcome ("il totale") takes its outcome when no figure precedes it in its sentence
     */
    boolean bind(List<Token> tokens, Candidate candidate, Candidate previous, Candidate before) {
        int start = candidate.number.start();
        Match<Boolean> approx = approximate.endingAt(tokens, start);
        int linkEnd = approx != null ? approx.start() : start;
        Match<Boolean> link = tollLinks.endingAt(tokens, linkEnd);
        // A qualifier that is a link too: "superato la soglia di 200", "losses have passed the 700,000 mark".
        boolean approxEndsInLink = approx != null && tollLinks.endingAt(tokens, start) != null;
        if (link == null && !approxEndsInLink) {
            return false;
        }
        int windowEnd = link != null ? link.start() : linkEnd;
        int floor = previous != null ? previous.phraseEnd : 0;
        // The count noun may stand before the figure before too: one toll, updated ("An initial toll of 12 rose to
        // 19", "Il primo bilancio di 12 morti è salito a 19").
        Match<String> toll = tolls.findLast(tokens, Math.max(0, windowEnd - tollWindow), windowEnd);
        int told = previous != null ? Math.max(floor, previous.evidenceEnd) : floor;
        if (toll != null && toll.start() < told && candidate.number.needsPerson()) {
            // "Il numero dei marinai morti è 40, secondo la madre di un marinaio": one person is no updated toll.
            toll = null;
        }
        // The people's words: between the count noun and the link, or inside the count noun's phrase after the
        // number ("il numero dei marinai russi morti").
        int peopleFrom = toll == null ? 0 : toll.end();
        String outcome;
        if (toll != null) {
            outcome = toll.value();
            if (outcome.equals(FROM_CONTEXT)) {
                Match<String> named = outcomes.findLast(tokens, toll.end(), windowEnd);
                // Else the figure's before it, in its sentence or, when no number of its sentence comes first ("12
                // more tanks … for a total of 6,002" counts tanks), at the end of the sentence before ("… 430.790
                // nel 2024. Dall'inizio del 2025 il totale ha già superato quota 200mila").
                Candidate earlier = previous != null ? previous : hasNumberBefore(tokens, toll.start()) ? null : before;
                outcome = named != null ? named.value() : earlier != null ? earlier.outcome : null;
            }
        } else {
            toll = after(tokens, candidate.number.end());
            if (toll == null) {
                return false;
            }
            outcome = toll.value();
            floor = toll.start();
            peopleFrom = toll.start();
            windowEnd = toll.end();
        }
        if (outcome == null) {
            return false;
        }
        candidate.outcome = outcome;
        candidate.rule = RULE;
        candidate.widenEvidence(toll.start(), toll.end());
        if (candidate.victims == null) {
            Match<String> victim = victims.findLast(tokens, peopleFrom, windowEnd);
            candidate.victims = victim == null ? null : victim.value();
        }
        if (candidate.party == null) {
            Match<String> nationality = nationalities.find(tokens, Math.max(floor, toll.start() - 2), windowEnd);
            // "the number of people killed in the Russian strike": the attacker's nationality is not the victims'.
            boolean attacker = nationality != null && attacks.isNear(tokens, nationality);
            candidate.party = nationality == null || attacker ? null : nationality.value();
        }
        return true;
    }

    /**
     * The count noun right after a number, its article crossed, with the outcome it names or the first outcome word
     * after it in its clause ("45 il bilancio dei morti", "40 il numero dei marinai morti"); null when there is none.
     */
    Match<String> after(List<Token> tokens, int end) {
        int k = end;
        if (k < tokens.size() && tolls.at(tokens, k) == null) {
            Match<Boolean> article = determiners.at(tokens, k);
            k = article != null ? article.end() : k;
        }
        Match<String> toll = tolls.at(tokens, k);
        if (toll == null || !toll.value().equals(FROM_CONTEXT)) {
            return toll;
        }
        int clauseEnd = Math.min(tokens.size(), toll.end() + tollWindow);
        for (int j = toll.end(); j < clauseEnd && !tokens.get(j).isPunct(); j++) {
            Match<String> named = outcomes.at(tokens, j);
            if (named != null) {
                return new Match<>(toll.start(), named.end(), named.value());
            }
        }
        return null;
    }

    /** Whether a number other than a year comes before token {@code end} ("Dall'inizio del 2025" is a period). */
    private static boolean hasNumberBefore(List<Token> tokens, int end) {
        for (int k = 0; k < end; k++) {
            if (tokens.get(k).isNumber() && !Filters.isYearToken(tokens.get(k))) {
                return true;
            }
        }
        return false;
    }
}
