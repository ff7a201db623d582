package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code list} rule: people joined by a list joiner share one outcome, "a paramedic and a rescue worker were
 * killed", "nine adults and one child were killed", "her husband and his two brothers" (Guidelines, Hard cases: a
 * list of people is one figure, summed). The outcome is a verb phrase after the last member, a verb before the
 * first, or the last member's own outcome word.
 */
final class ListPattern {

    static final String RULE = "list";
    private static final String CIVILIANS = "civilians";

    private final PhraseMap<Boolean> listJoiners;
    private final PhraseMap<Boolean> possessives;
    private final PhraseMap<String> victims;
    private final ActivePattern active;
    private final PredicatePattern predicate;

    ListPattern(CasualtyLexicon words, ActivePattern active, PredicatePattern predicate) {
        this.listJoiners = words.listJoiners;
        this.possessives = words.possessives;
        this.victims = words.victims;
        this.active = active;
        this.predicate = predicate;
    }

    /**
     * Whether a person word at {@code at} is followed by a list joiner: "her husband and his two brothers", where
     * the possessive before it counts one (Guidelines, Hard cases: a list of people is one figure, summed).
     */
    boolean opensList(List<Token> tokens, int at) {
        Match<String> person = at < tokens.size() ? victims.at(tokens, at) : null;
        return person != null && person.end() < tokens.size() && listJoiners.contains(tokens.get(person.end()));
    }

    /**
     * Candidates joined by "and" into one list of people ("nine adults and one child were killed"), from
     * candidate {@code c} on; the candidate alone when it opens no list.
     */
    List<Candidate> from(List<Token> tokens, List<Candidate> candidates, int c) {
        List<Candidate> list = new ArrayList<>(List.of(candidates.get(c)));
        for (int next = c + 1; next < candidates.size(); next++) {
            Candidate previous = list.get(list.size() - 1);
            Candidate candidate = candidates.get(next);
            int member = previous.phraseEnd + 1;
            if (member < candidate.number.start() && possessives.at(tokens, member) != null) {
                member = possessives.at(tokens, member).end(); // "a man and his two sons"
            }
            boolean joined = !previous.bare && !candidate.bare && previous.outcome == null
                    && candidate.number.start() == member
                    && listJoiners.contains(tokens.get(previous.phraseEnd));
            if (!joined || isNewClause(tokens, list.get(0), candidate)) {
                break;
            }
            list.add(candidate);
        }
        return list;
    }

    /**
     * Whether a member after "and" opens a clause of its own: the list so far is the object of a verb before it and
     * the member is the subject of a verb phrase after it. "The attack killed three soldiers and 27 others were
     * wounded" is 3 killed and 27 injured, not 30 injured.
     */
    private boolean isNewClause(List<Token> tokens, Candidate first, Candidate member) {
        return active.before(tokens, first.number.start()) != null
                && predicate.after(tokens, member.phraseEnd) != null;
    }

    /**
     * The figures of a list of two or more members: each member tied to the list's outcome, when it has one, and
     * the members of one side summed.
     */
    List<Candidate> bind(List<Token> tokens, List<Candidate> list) {
        Candidate first = list.get(0);
        Candidate last = list.get(list.size() - 1);
        Match<String> outcome = last.outcome != null ? null : predicate.after(tokens, last.phraseEnd);
        if (outcome == null) {
            outcome = active.before(tokens, first.number.start());
        }
        if (outcome != null || last.outcome != null) {
            String value = outcome != null ? outcome.value() : last.outcome;
            for (Candidate member : list) {
                member.outcome = value;
                member.rule = RULE;
                if (outcome != null) {
                    member.widenEvidence(outcome.start(), outcome.end());
                }
            }
        }
        return join(list);
    }

    /**
     * Members of one side make one figure; a list that names two sides makes one figure each, and so does one
     * that names soldiers and civilians (Guidelines, Hard cases: "six civilians and three soldiers" is 6
     * civilians and 3 military).
     */
    private static List<Candidate> join(List<Candidate> list) {
        List<Candidate> figures = new ArrayList<>();
        for (Candidate member : list) {
            Candidate same = null;
            for (int f = 0; f < figures.size() && same == null; f++) {
                Candidate figure = figures.get(f);
                boolean sameSide = Objects.equals(figure.party, member.party);
                same = sameSide && !isMilitaryAndCivilian(figure.victims, member.victims) ? figure : null;
            }
            if (same == null) {
                figures.add(member);
            } else {
                same.count += member.count;
                same.victims = summedVictims(same.victims, member.victims);
                same.widenEvidence(member.evidenceStart, member.evidenceEnd);
            }
        }
        return figures;
    }

    private static boolean isMilitaryAndCivilian(String first, String second) {
        return Candidate.MILITARY.equals(first) && CIVILIANS.equals(second)
                || CIVILIANS.equals(first) && Candidate.MILITARY.equals(second);
    }

    /** Guidelines, Hard cases: "a summed list of civilians and unspecified people is civilians". */
    private static String summedVictims(String first, String second) {
        if (Objects.equals(first, second)) {
            return first;
        }
        boolean civilianList = CIVILIANS.equals(first) && (second == null || Candidate.UNSPECIFIED.equals(second))
                || CIVILIANS.equals(second) && (first == null || Candidate.UNSPECIFIED.equals(first));
        return civilianList ? CIVILIANS : Candidate.UNSPECIFIED;
    }
}
