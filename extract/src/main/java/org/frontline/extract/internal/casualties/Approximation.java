package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * Whether a figure is approximate (Guidelines, "approximate"): a qualifier says so ({@code approximate}: "at least
 * 10", "circa 299.080", "more than 400"), or a number that is approximate by itself ({@code approximate-numbers}:
 * "una trentina"), or a range ("between 35 and 40"), or the qualifier of the figure before it carries over to it:
 * "at least 10 killed and 20 injured".
 */
final class Approximation {

    private final PhraseMap<Boolean> approximate;
    private final PhraseMap<Boolean> approximateNumbers;
    private final PhraseMap<Boolean> approximateCarriers;
    private final PhraseMap<Boolean> tollLinks;
    private final PhraseMap<String> outcomes;

    Approximation(CasualtyLexicon words) {
        this.approximate = words.approximate;
        this.approximateNumbers = words.approximateNumbers;
        this.approximateCarriers = words.approximateCarriers;
        this.tollLinks = words.tollLinks;
        this.outcomes = words.outcomes;
    }

    /** Whether the figure is approximate; {@code previous} is the figure before it in its sentence, or null. */
    boolean of(List<Token> tokens, Candidate figure, Candidate previous) {
        int start = figure.number.start();
        // "oltre a due civili" adds two civilians: the link is no qualifier, only words after it are.
        boolean qualified = figure.rule.equals(AdditivePattern.RULE) ? approximate.endingAt(tokens, start) != null
                : isQualified(tokens, start);
        return figure.range || approximateNumbers.at(tokens, start) != null
                || qualified || previous != null && previous.approximate
                && start > 0 && carriesQualifier(tokens, previous, start);
    }

    /** A qualifier just before the number ("at least 10"), or before the link that joins it to a count noun. */
    private boolean isQualified(List<Token> tokens, int start) {
        if (approximate.endingAt(tokens, start) != null) {
            return true;
        }
        Match<Boolean> link = tollLinks.endingAt(tokens, start);
        return link != null && approximate.endingAt(tokens, link.start()) != null;
    }

    /**
     * Whether the words before a number carry the qualifier of the figure before it (Guidelines, Hard cases: "at
     * least 10 killed and 20 injured", "killing at least 53 and wounding 130"): a carrier ("and", "e", "another"),
     * or a carrier and an outcome verb.
     */
    private boolean carriesQualifier(List<Token> tokens, Candidate previous, int start) {
        Match<Boolean> carrier = approximateCarriers.endingAt(tokens, start);
        if (carrier == null) {
            Match<String> verb = outcomes.endingAt(tokens, start);
            carrier = verb == null || verb.start() == 0 ? null : approximateCarriers.endingAt(tokens, verb.start());
        }
        // An aside between them ("at least 52 people, including a child, and injured six others") leaves the
        // second figure a count of its own, as the annotators read it.
        return carrier != null && !Clauses.containsMark(tokens, previous.number.end(), carrier.start(), ",");
    }
}
