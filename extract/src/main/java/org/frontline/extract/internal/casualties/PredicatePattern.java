package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Token;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code predicate} rule: a verb phrase after the people counted gives their outcome, "six civilians were
 * killed", "79 sono rimaste ferite", "Three wounded soldiers later died". Between the people and the verb may
 * stand auxiliaries, an age ("a man aged 34 was killed"), an aside about the people (", among them 560 children,")
 * or a phrase about them that a preposition, a participle or a relative opens ("Twelve residents of the village of
 * Kuka were killed", "che giocavano a calcio sono stati uccisi"), which then ends in an auxiliary.
 */
final class PredicatePattern {

    /** Dashes that set off an aside: hyphen-minus, en and em dash. */
    private static final String DASHES = "-\u2013\u2014";
    private static final Pattern ORDINAL = Pattern.compile("\\d+(st|nd|rd|th|\u00aa|\u00ba|\u00b0)");
    private static final Pattern ORDINAL_SUFFIX = Pattern.compile("st|nd|rd|th|\u00aa|\u00ba|\u00b0");

    static final String RULE = "predicate";

    private final PhraseMap<String> outcomes;
    private final PhraseMap<Boolean> ages;
    private final PhraseMap<Boolean> subsets;
    private final PhraseMap<Boolean> singular;
    private final PhraseMap<Boolean> clauseOpeners;
    private final PhraseMap<Boolean> nominalOutcomes;
    private final PhraseMap<Boolean> predicateLinks;
    private final PhraseMap<Boolean> connectors;
    private final PhraseMap<Boolean> approximate;
    private final int coordinationLimit;
    private final PhraseMap<Boolean> auxiliaries;
    private final PhraseMap<Boolean> relatives;
    private final PhraseMap<Boolean> determiners;
    private final int gapLimit;
    private final int clauseGapLimit;
    private final int modifiersAfter;
    private final Set<String> participleEndings;
    private final int subsetAsideLimit;

    PredicatePattern(CasualtyLexicon words) {
        this.outcomes = words.outcomes;
        this.ages = words.ages;
        this.subsets = words.subsets;
        this.singular = words.singular;
        this.clauseOpeners = words.clauseOpeners;
        this.nominalOutcomes = words.nominalOutcomes;
        this.predicateLinks = words.predicateLinks;
        this.connectors = words.connectors;
        this.approximate = words.approximate;
        this.coordinationLimit = words.coordinationLimit;
        this.auxiliaries = words.auxiliaries;
        this.relatives = words.relatives;
        this.determiners = words.determiners;
        this.gapLimit = words.gapLimit;
        this.clauseGapLimit = words.clauseGapLimit;
        this.modifiersAfter = words.modifiersAfter;
        this.participleEndings = words.participleEndings;
        this.subsetAsideLimit = words.subsetAsideLimit;
    }

    /** Ties a candidate to the verb phrase after its people; false when there is none. */
    boolean bind(List<Token> tokens, Candidate candidate) {
        Match<String> outcome = after(tokens, candidate.phraseEnd);
        if (outcome == null) {
            return false;
        }
        tie(candidate, outcome);
        candidate.widenEvidence(outcome.start(), outcome.end());
        return true;
    }

    /** The candidate's outcome is the verb phrase's, and this rule decided it. */
    static void tie(Candidate candidate, Match<String> verb) {
        candidate.outcome = verb.value();
        candidate.rule = RULE;
    }

    /**
     * The verb phrase after an outcome noun when it says another outcome: "Four Israeli hostages were killed",
     * "Three wounded soldiers later died" (the noun names the people, the verb what became of them); else null.
     */
    Match<String> changing(List<Token> tokens, int from, String outcome) {
        Match<String> verb = after(tokens, from);
        return verb != null && !verb.value().equals(outcome) ? verb : null;
    }

    /**
     * Guidelines, Hard cases: "within a group, a different outcome is a figure" ("251 taken hostage, 34 of whom
     * are believed dead": 251 captured and 34 killed). The outcome is the predicate right after the subset's words
     * ("of whom", "delle quali"); the candidate takes it. A subset with the outcome of its figure stays a subset.
     */
    boolean bindsOtherOutcome(List<Token> tokens, Candidate candidate, Candidate previous) {
        Match<Boolean> ofWhom = previous == null ? null : subsets.at(tokens, candidate.number.end());
        Match<String> outcome = ofWhom == null ? null : after(tokens, ofWhom.end());
        if (outcome == null || outcome.value().equals(previous.outcome)) {
            return false;
        }
        tie(candidate, outcome);
        candidate.widenEvidence(candidate.number.start(), outcome.end());
        return true;
    }

    /** "were killed", ", among them 560 children, have been killed", "che giocavano a calcio sono stati uccisi". */
    Match<String> after(List<Token> tokens, int from) {
        int q = from;
        Match<Boolean> age = ages.at(tokens, q);
        if (age != null) {
            // "Un ragazzo di 14 anni è stato ucciso", "a man aged 34 was killed": the age, then the predicate.
            q = age.end();
        }
        String closer = q + 1 < tokens.size() ? asideCloser(tokens.get(q)) : null;
        if (isAside(tokens, q, closer)) {
            q = closing(tokens, q + 1, closer);
        } else if (closer != null) {
            // "Two soldiers, both members of the 47th brigade, were killed": an apposition, then the predicate.
            int close = closing(tokens, q + 1, closer);
            Match<String> main = close < 0 || hasNumber(tokens, q + 1, close) ? null
                    : verbPhrase(tokens, close, 0, true);
            return main != null ? main : relativeState(tokens, q + 1);
        } else if (closer == null && subsets.at(tokens, q) != null) {
            // "Six people including two children died": the same aside without its commas, up to the predicate.
            q = unmarkedAsideEnd(tokens, subsets.at(tokens, q).end());
        }
        Match<Boolean> opener = q >= 0 && q < tokens.size() ? clauseOpeners.at(tokens, q) : null;
        boolean opened = opener != null || q >= 0 && q < tokens.size() && isParticiple(tokens, q);
        Match<String> outcome = verbPhrase(tokens, q, opened ? clauseGapLimit : 0, false);
        if (outcome != null && opener != null && opener.value() && !crossesVerb(tokens, opener.end(), outcome)) {
            // "a man whose relatives died in the building": the clause's verb is its own noun's, not the people's.
            return null;
        }
        if (outcome == null && !opened && q >= 0) {
            outcome = afterModifiers(tokens, q);
        }
        return outcome != null || q < 0 ? outcome : coordinated(tokens, q);
    }

    /**
     * The state a relative clause set off after the people gives them, when the sentence gives them no predicate of
     * its own: "its 25 crew, who are still being held in Yemen", "12 soldati, che sono rimasti feriti". Only a verb
     * phrase that opens with an auxiliary: in "three men, who killed two soldiers" the men did the killing.
     */
    private Match<String> relativeState(List<Token> tokens, int from) {
        Match<Boolean> relative = relatives.at(tokens, from);
        if (relative == null || auxiliaries.at(tokens, relative.end()) == null) {
            return null;
        }
        return verbPhrase(tokens, relative.end(), 0, false);
    }

    /**
     * The passive after words that describe the people where a language puts its adjectives after the noun
     * ({@code casualties.modifiers-after}): "Una donna incinta è stata uccisa", "Un combattente curdo è stato
     * ucciso". Only words in lower case that are neither an outcome nor an auxiliary, and only before an auxiliary.
     */
    private Match<String> afterModifiers(List<Token> tokens, int from) {
        int q = from;
        while (q < tokens.size() && q - from < modifiersAfter && isModifier(tokens, q)) {
            q++;
        }
        return q > from && auxiliaries.at(tokens, q) != null ? verbPhrase(tokens, q, 0, false) : null;
    }

    /**
     * A participle that opens a phrase about the people as {@code clause-openers} do, known by its ending ({@code
     * casualties.participle-endings}): "Three paramedics responding to a call were killed", "Eight fighters belonging
     * to a militia were killed". Not an outcome word.
     */
    private boolean isParticiple(List<Token> tokens, int q) {
        if (!isPlainWord(tokens, q)) {
            return false;
        }
        String word = tokens.get(q).norm();
        for (String ending : participleEndings) {
            if (word.length() > ending.length() + 2 && word.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private boolean isModifier(List<Token> tokens, int q) {
        return isPlainWord(tokens, q) && !tokens.get(q).isElided() && auxiliaries.at(tokens, q) == null
                && subsets.at(tokens, q) == null;
    }

    /** A word in lower case that is no outcome: what a participle or an adjective after the noun can be. */
    private boolean isPlainWord(List<Token> tokens, int q) {
        Token token = tokens.get(q);
        return token.isWord() && !token.isCapitalised() && outcomes.at(tokens, q) == null;
    }

    /**
     * The outcome of a second verb phrase of the people's, joined to a first that names none ({@code
     * predicate-links}, within {@code casualties.coordination-limit} words): "Three soldiers were hit by a drone and
     * killed", "Two soldiers stepped on a mine and died", "were on patrol when they were killed". The second phrase
     * is theirs when an auxiliary stands in it or opens the first (one passive: "were ambushed and killed"), or
     * when nothing follows its outcome but a mark or a connector: "and killed three civilians" has an object, so
     * the people did the killing. A number or a mark before the link ends the search.
     */
    private Match<String> coordinated(List<Token> tokens, int from) {
        boolean passive = auxiliaries.at(tokens, from) != null;
        for (int k = from; k < Math.min(tokens.size(), from + coordinationLimit); k++) {
            Match<Boolean> link = predicateLinks.at(tokens, k);
            if (link != null) {
                int q = link.end();
                boolean auxiliary = false;
                for (Match<Boolean> aux = auxiliaries.at(tokens, q); aux != null; aux = auxiliaries.at(tokens, q)) {
                    q = aux.end();
                    auxiliary = true;
                }
                Match<String> outcome = q < tokens.size() ? outcomes.at(tokens, q) : null;
                if (outcome == null || nominalOutcomes.at(tokens, q) != null && !auxiliary) {
                    return null;
                }
                int after = outcome.end();
                boolean alone = after >= tokens.size() || tokens.get(after).isPunct()
                        || connectors.at(tokens, after) != null && approximate.at(tokens, after) == null;
                return auxiliary || passive || alone ? outcome : null;
            }
            Token token = tokens.get(k);
            if (!token.isWord() && !isPossessive(token) || outcomes.at(tokens, k) != null) {
                return null;
            }
        }
        return null;
    }

    /**
     * Whether a verb group that names no outcome stands between {@code from} and the outcome: an auxiliary and the
     * word after it ("three men whose houses were destroyed were also injured"). A clause opened by a possessive
     * relative ({@code clause-openers} marked {@code = possessive}) has a verb of its own, which comes first.
     */
    private boolean crossesVerb(List<Token> tokens, int from, Match<String> outcome) {
        for (int k = from; k < outcome.start(); k++) {
            Match<Boolean> auxiliary = auxiliaries.at(tokens, k);
            if (auxiliary != null && auxiliary.end() < outcome.start() && outcomes.at(tokens, auxiliary.end()) == null
                    && auxiliaries.at(tokens, auxiliary.end()) == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The outcome of the verb phrase at {@code from}, past auxiliaries and, when {@code limit} allows, a phrase about
     * the people of at most that many words; null when there is none. After such a phrase or an aside ({@code
     * afterAside}), a noun ({@code nominal-outcomes}) is no predicate unless an auxiliary stands before it: "a
     * soldier on leave who lives across the road" names no outcome, "Two soldiers of the brigade died" does.
     */
    private Match<String> verbPhrase(List<Token> tokens, int from, int limit, boolean afterAside) {
        int q = from;
        int skipped = 0;
        boolean auxiliaryLast = false;
        while (q >= 0 && q < tokens.size()) {
            Match<String> outcome = outcomes.at(tokens, q);
            if (outcome != null && skipped > 0 && !auxiliaryLast && determiners.endingAt(tokens, q) != null) {
                // "a local resident who helped carry the wounded": an outcome after an article names people.
                return null;
            }
            if (outcome != null && (skipped == 0 && !afterAside || auxiliaryLast
                    || nominalOutcomes.at(tokens, q) == null)) {
                return outcome;
            }
            Match<Boolean> auxiliary = auxiliaries.at(tokens, q);
            if (auxiliary != null) {
                q = auxiliary.end();
                auxiliaryLast = true;
            } else if (skipped > 0 && isAside(tokens, q, asideCloser(tokens.get(q)))) {
                // "Nine members of the Abu Hussein family, including four children, were killed".
                q = closing(tokens, q + 1, asideCloser(tokens.get(q)));
            } else if (skipped > 0 && asideCloser(tokens.get(q)) != null && !isJoiner(tokens, q)) {
                // "Seven employees of the group, who were travelling in a convoy, were killed": an apposition
                // after the phrase, as after the people's own words.
                int close = closing(tokens, q + 1, asideCloser(tokens.get(q)));
                return close < 0 || hasNumber(tokens, q + 1, close) ? null : verbPhrase(tokens, close, 0, true);
            } else if (skipped < limit && (tokens.get(q).isWord() || isPossessive(tokens.get(q))
                    || isOrdinal(tokens, q) || isJoiner(tokens, q)) && subsets.at(tokens, q) == null) {
                // "A police officer from the department was among those killed": a part, not a predicate.
                q++;
                skipped++;
                auxiliaryLast = false;
            } else {
                return null;
            }
        }
        return null;
    }

    /**
     * ", among them 560 children,", " – including six children –", ", a midwife and a laboratory technician,", " —
     * 270 servicemen and 120 civilians —": an aside about the people, between commas, dashes or brackets, opened at
     * {@code q} by a mark that {@code closer} closes.
     */
    private boolean isAside(List<Token> tokens, int q, String closer) {
        return closer != null && q + 1 < tokens.size() && (subsets.find(tokens, q + 1, q + 1 + gapLimit) != null
                || singular.contains(tokens.get(q + 1)) || tokens.get(q + 1).isNumber());
    }

    /** Whether tokens {@code [from, to)} hold a number other than an ordinal: an aside that counts is no apposition. */
    private static boolean hasNumber(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).isNumber() && !isOrdinal(tokens, k)) {
                return true;
            }
        }
        return false;
    }

    /** An ordinal in digits, "the 47th brigade", "3rd", "la 3ª brigata": a name's part, not a count. */
    private static boolean isOrdinal(List<Token> tokens, int k) {
        Token token = tokens.get(k);
        if (ORDINAL.matcher(token.text()).matches()) {
            return true;
        }
        if (!token.isNumber() || k + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(k + 1);
        return next.start() == token.end() && ORDINAL_SUFFIX.matcher(next.text()).matches();
    }

    /** A hyphen written between two words with no space, as in "an Iran-backed militia". */
    private static boolean isJoiner(List<Token> tokens, int q) {
        Token token = tokens.get(q);
        return token.is("-") && q > 0 && q + 1 < tokens.size() && tokens.get(q - 1).end() == token.start()
                && tokens.get(q + 1).start() == token.end() && tokens.get(q + 1).isWord();
    }

    /** The possessive mark of a name inside a phrase about the people: "from the army's brigade". */
    private static boolean isPossessive(Token token) {
        return token.is("'s") || token.is("’s") || token.is("'") || token.is("’");
    }

    /** The marks that close an aside opened by {@code token}, or null when it opens none. */
    private static String asideCloser(Token token) {
        if (Clauses.isMark(token, ",")) {
            return ",";
        }
        if (Clauses.isMark(token, DASHES)) {
            return DASHES;
        }
        return Clauses.isMark(token, "(") ? ")" : null;
    }

    /** Where an aside with no marks around it ends: at the first outcome or auxiliary, or -1 past the limit. */
    private int unmarkedAsideEnd(List<Token> tokens, int from) {
        for (int k = from; k < Math.min(tokens.size(), from + subsetAsideLimit); k++) {
            if (outcomes.at(tokens, k) != null || auxiliaries.at(tokens, k) != null) {
                return k;
            }
            if (!tokens.get(k).isWord() && !tokens.get(k).isNumber()) {
                return -1;
            }
        }
        return -1;
    }

    private int closing(List<Token> tokens, int from, String closer) {
        for (int k = from; k < Math.min(tokens.size(), from + subsetAsideLimit); k++) {
            if (Clauses.isMark(tokens.get(k), closer)) {
                return k + 1;
            }
        }
        return -1;
    }
}
