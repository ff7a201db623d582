package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * Where a sentence names an attack ({@code attacks}): beside a nationality or a country it names the attacker,
 * not the side that lost people ("a Russian missile ... in the Ukrainian city", "Russia's invasion"), and one
 * attack ({@code = one}: "the explosion of the pagers killed 12 people") makes its toll one event's.
 */
final class Attacks {

    private static final int ATTACK_DISTANCE = 2;

    private final PhraseMap<Boolean> attacks;

    Attacks(CasualtyLexicon words) {
        this.attacks = words.attacks;
    }

    /** Whether an attack stands within two words of the nationality: "the Russian strike", "missili russi". */
    boolean isNear(List<Token> tokens, Match<String> nationality) {
        for (int k = nationality.start() - ATTACK_DISTANCE; k < nationality.end() + ATTACK_DISTANCE; k++) {
            if (attacks.at(tokens, k) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * A place followed by a possessive clitic and an attack: "Russia's invasion", "Israel's offensive". The clitic
     * is the token the segmenter cut at its apostrophe (the language's {@code segmenter.clitics}).
     */
    boolean isOwnedBy(List<Token> tokens, Match<String> place) {
        int end = place.end();
        if (end >= tokens.size() || !tokens.get(end).isClitic()) {
            return false;
        }
        for (int k = end + 1; k < Math.min(tokens.size(), end + 1 + ATTACK_DISTANCE); k++) {
            if (attacks.at(tokens, k) != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether one attack (an entry marked {@code = one}) starts before token {@code end}. */
    boolean namesOneBefore(List<Token> tokens, int end) {
        for (int k = 0; k < end; k++) {
            Match<Boolean> attack = attacks.mayStartAt(tokens.get(k)) ? attacks.at(tokens, k) : null;
            if (attack != null && attack.value()) {
                return true;
            }
        }
        return false;
    }
}
