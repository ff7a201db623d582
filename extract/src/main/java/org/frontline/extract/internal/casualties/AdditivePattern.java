package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * The {@code additive} rule: people joined to the figure before them by words that add them to it ({@code
 * additive-links}) share its outcome, "Nineteen soldiers were killed in the ambush, along with two civilians", "Sono
 * morti 19 soldati, oltre a due civili". Their people are their own: civilians and military are separate figures
 * (Guidelines, Hard cases), and so are any two groups the article counts apart.
 */
final class AdditivePattern {

    static final String RULE = "additive";

    private final PhraseMap<Boolean> links;
    private final PhraseMap<Boolean> approximate;

    AdditivePattern(CasualtyLexicon words) {
        this.links = words.additiveLinks;
        this.approximate = words.approximate;
    }

    /**
     * Ties a candidate with people and no outcome of its own to the outcome of {@code previous}, the figure before
     * it in its sentence, when a link stands right before its number; false otherwise.
     */
    boolean bind(List<Token> tokens, Candidate candidate, Candidate previous) {
        if (previous == null || previous.outcome == null || candidate.bare) {
            return false;
        }
        int start = candidate.number.start();
        Match<Boolean> approx = approximate.endingAt(tokens, start);
        Match<Boolean> link = links.endingAt(tokens, approx != null ? approx.start() : start);
        if (link == null || link.start() < previous.evidenceEnd) {
            return false;
        }
        candidate.outcome = previous.outcome;
        candidate.rule = RULE;
        candidate.widenEvidence(link.start(), candidate.phraseEnd);
        return true;
    }
}
