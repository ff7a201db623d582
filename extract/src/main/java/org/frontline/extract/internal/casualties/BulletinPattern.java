package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * The {@code bulletin} rule: a line that is a label, a colon and a number, "Killed in the past 24 hours: 40", "Health
 * workers killed since 7 October: 885", "Morti nelle ultime 24 ore: 40" (Guidelines, Hard cases: bulletin lines are
 * figures like any sentence). The label's outcome word is the figure's outcome wherever it stands in the label; its
 * people, side and period are read from the label as from any sentence.
 */
final class BulletinPattern {

    static final String RULE = "bulletin";
    /** The longest label read as one: a bulletin's labels are short, a sentence's clause before a colon is not. */
    private static final int MAX_LABEL_TOKENS = 12;
    /** Marks that may stand in a label: the brackets around its source. */
    private static final String BRACKETS = "()";

    private final PhraseMap<String> outcomes;
    private final PhraseMap<Boolean> approximate;

    BulletinPattern(CasualtyLexicon words) {
        this.outcomes = words.outcomes;
        this.approximate = words.approximate;
    }

    /** Ties a candidate that ends a bulletin line to the outcome its label names; false when it is not one. */
    boolean bind(List<Token> tokens, Candidate candidate) {
        // "Morti secondo il ministero: non più di 150": words of precision may stand between the colon and the number.
        Match<Boolean> precision = approximate.endingAt(tokens, candidate.number.start());
        int colon = (precision != null ? precision.start() : candidate.number.start()) - 1;
        if (colon < 1 || colon > MAX_LABEL_TOKENS || !tokens.get(colon).is(":") || !endsLine(tokens, candidate)) {
            return false;
        }
        for (int t = 0; t < colon; t++) {
            // "The army said on Monday, in its bulletin: 40" is a sentence, not a label; a source in brackets is
            // part of one ("Morti (ministero della Salute): 610").
            if (tokens.get(t).isPunct() && !Clauses.isMark(tokens.get(t), BRACKETS)) {
                return false;
            }
        }
        Match<String> outcome = outcomes.find(tokens, 0, colon);
        if (outcome == null) {
            return false;
        }
        candidate.outcome = outcome.value();
        candidate.rule = RULE;
        candidate.widenEvidence(0, candidate.number.end());
        return true;
    }

    private static boolean endsLine(List<Token> tokens, Candidate candidate) {
        for (int t = candidate.phraseEnd; t < tokens.size(); t++) {
            if (!tokens.get(t).isPunct()) {
                return false;
            }
        }
        return true;
    }
}
