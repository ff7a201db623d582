package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.names.Name;
import org.frontline.extract.internal.numbers.NumberMatch;
import org.frontline.extract.internal.numbers.NumberReader;
import org.frontline.extract.internal.text.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the candidates of a sentence: each number (a range's lower bound, a possessive that opens a list of
 * people: "her husband and his two brothers"), the words after it for the people it counts (victims,
 * nationality, a place that names their side) and the {@code nominal} rule, the outcome right after them: "57
 * morti", "5,937 soldiers killed", "750 Russian casualties". A verb phrase after an outcome noun goes to
 * {@link PredicatePattern} ("Four Israeli hostages were killed"), a period's part to {@link PeriodPatterns};
 * what is not a figure, to {@link Filters}. The other patterns bind what this leaves without an outcome.
 */
final class CandidateReader {

    /** Capitalised words of a body before the word for a person named: "Al Jazeera journalist". */
    private static final int BODY_WORDS = 3;
    /** Tokens a number in words may take before a part link: "twenty-one of the". */
    private static final int PART_NUMBER_TOKENS = 4;

    /** Marks of one character each, told by {@link Clauses#isMark} without hashing the token's text. */
    private static final String QUOTE_MARKS = "\"“”«»‘’'„";
    /** The largest ratio of a range's upper bound to its lower bound ("10 to 50"). */
    private static final long RANGE_SPREAD = 5;

    private final NumberReader numbers;
    private final PhraseMap<Boolean> ranges;
    private final PhraseMap<Boolean> possessives;
    private final PhraseMap<Boolean> listJoiners;
    private final PhraseMap<String> outcomes;
    private final PhraseMap<String> victims;
    private final PhraseMap<Boolean> singularCopulas;
    private final PhraseMap<String> nationalities;
    private final PhraseMap<Boolean> originLinks;
    private final PhraseMap<String> places;
    private final PhraseMap<String> capitals;
    private final PhraseMap<Boolean> modifiers;
    private final PhraseMap<Boolean> connectors;
    private final PhraseMap<Boolean> thresholds;
    private final PhraseMap<Boolean> subsets;
    private final PhraseMap<Boolean> partLinks;
    private final PhraseMap<Boolean> oneOutcomes;
    private final PhraseMap<Boolean> days;
    private final PhraseMap<Boolean> auxiliaries;
    private final int phraseLimit;
    private final Filters filters;
    private final PredicatePattern predicate;
    private final ListPattern list;
    private final PeriodPatterns periods;
    private final TollPattern toll;

    CandidateReader(CasualtyLexicon words, NumberReader numbers, Filters filters, PredicatePattern predicate,
            ListPattern list, PeriodPatterns periods, TollPattern toll) {
        this.toll = toll;
        this.numbers = numbers;
        this.ranges = words.ranges;
        this.possessives = words.possessives;
        this.listJoiners = words.listJoiners;
        this.outcomes = words.outcomes;
        this.victims = words.victims;
        this.singularCopulas = words.singularCopulas;
        this.nationalities = words.nationalities;
        this.originLinks = words.originLinks;
        this.places = words.places;
        this.capitals = words.capitals;
        this.modifiers = words.modifiers;
        this.connectors = words.connectors;
        this.thresholds = words.thresholds;
        this.subsets = words.subsets;
        this.partLinks = words.partLinks;
        this.oneOutcomes = words.oneOutcomes;
        this.days = words.days;
        this.auxiliaries = words.auxiliaries;
        this.phraseLimit = words.phraseLimit;
        this.filters = filters;
        this.predicate = predicate;
        this.list = list;
        this.periods = periods;
    }

    /**
     * The part of a counted group the figure's number is, when a number and a part link come right before it:
     * "Four of the five crew members were killed" counts four, "Quattro dei cinque membri dell'equipaggio"; else
     * null.
     */
    NumberMatch partBefore(List<Token> tokens, Candidate figure) {
        Match<Boolean> link = partLinks.endingAt(tokens, figure.number.start());
        if (link == null) {
            return null;
        }
        for (int start = link.start() - 1; start >= Math.max(0, link.start() - PART_NUMBER_TOKENS); start--) {
            NumberMatch part = numbers.read(tokens, start);
            if (part != null && part.end() == link.start() && part.value() < figure.count) {
                return part;
            }
        }
        return null;
    }

    /**
     * The candidates of a sentence, in order: each number that may count people, with what its words say, and
     * each person named in full or with a word for who they were ({@code persons}, the sentence's names of people).
     */
    List<Candidate> candidates(List<Token> tokens, List<Name> persons) {
        List<Candidate> candidates = new ArrayList<>();
        int i = 0;
        int notRange = 0;
        int person = 0;
        while (i < tokens.size()) {
            while (person < persons.size() && persons.get(person).start() < i) {
                person++;
            }
            Match<Boolean> range = i >= notRange && ranges.mayStartAt(tokens.get(i)) ? ranges.at(tokens, i) : null;
            if (range != null && !range.value()) {
                notRange = range.end(); // "rose from 10 to 15" is a change, not a range
                range = null;
            }
            NumberMatch number = range != null ? lowerBound(tokens, range) : numbers.read(tokens, i);
            if (number == null) {
                Match<Boolean> possessive = possessives.mayStartAt(tokens.get(i)) ? possessives.at(tokens, i) : null;
                boolean listed = possessive != null && (i > 0 && listJoiners.contains(tokens.get(i - 1))
                        || list.opensList(tokens, possessive.end()));
                number = listed ? new NumberMatch(1, i, possessive.end(), true) : null;
            }
            Candidate named = number == null && person < persons.size() && persons.get(person).start() == i
                    ? named(tokens, persons.get(person)) : null;
            if (named != null) {
                candidates.add(named);
                i = named.phraseEnd;
                continue;
            }
            if (number == null) {
                i++;
                continue;
            }
            Candidate candidate = describe(tokens, number);
            if (candidate == null) {
                i = number.end();
            } else {
                candidate.range = range != null;
                candidates.add(candidate);
                i = Math.max(candidate.phraseEnd, number.end());
            }
        }
        return candidates;
    }

    /**
     * One person the text names, counted as one when something happens to them: "Reuters journalist Issam
     * Abdallah was killed", "killed journalist Issam Abdallah", "Il giornalista Issam Abdallah è stato ucciso". The
     * word for who they were, just before the name, gives the victims. A lone word is not enough to be sure
     * it is a person ("Bakhmut has fallen"): the name has two words or such a word before it. A verb in the
     * singular follows it ("was", "è stato"; in "… del sindaco Ihor Terekhov sono rimaste ferite 12 persone" the
     * name is not the subject), or an outcome verb comes right before it and the word for who they were
     * ("killed Al Jazeera journalist Hamza Dahdouh"; not "killed Al Jazeera"). Null otherwise.
     */
    private Candidate named(List<Token> tokens, Name person) {
        Match<String> role = victims.endingAt(tokens, person.start());
        if (person.end() - person.start() < 2 && role == null) {
            return null;
        }
        int start = role != null ? role.start() : person.start();
        // "killed Reuters journalist Issam Abdallah": the body the person works for belongs to the words for them.
        for (int k = 0; role != null && k < BODY_WORDS && start > 0 && tokens.get(start - 1).isCapitalised(); k++) {
            start--;
        }
        boolean object = role != null && outcomes.endingAt(tokens, start) != null;
        if (singularCopulas.at(tokens, person.end()) == null && !object) {
            return null;
        }
        Candidate candidate = new Candidate(new NumberMatch(1, start, person.end(), false));
        candidate.victims = role != null ? role.value() : null;
        candidate.phraseEnd = person.end();
        return candidate;
    }

    /**
     * The lower bound of a range of the {@code ranges} list ("between 35 and 40", "tra i 35 e i 40"), spanning the
     * whole range: Guidelines, Hard cases: "a range is its lower bound, approximate". Null when the first number of
     * the range cannot be read.
     */
    private NumberMatch lowerBound(List<Token> tokens, Match<Boolean> range) {
        NumberMatch first = null;
        NumberMatch last = null;
        for (int k = range.start(); k < range.end(); k++) {
            NumberMatch number = numbers.read(tokens, k);
            if (number != null) {
                first = first == null ? number : first;
                last = number;
                k = number.end() - 1;
            }
        }
        // A range's bounds are close: "since 24 February 2022 to 362,280" is a date, then a total.
        boolean bounds = first != null && last != first && last.value() > first.value()
                && last.value() <= first.value() * RANGE_SPREAD;
        return bounds ? new NumberMatch(first.value(), range.start(), range.end(), false) : null;
    }

    /** Reads the words after a number; null when the number does not count people. */
    private Candidate describe(List<Token> tokens, NumberMatch number) {
        int start = number.start();
        int end = number.end();
        if (filters.countsOther(tokens, number)) {
            return null;
        }
        Candidate periodPart = periods.read(tokens, number);
        if (periodPart != null) {
            return periodPart;
        }
        Candidate candidate = new Candidate(number);
        boolean person = false;
        int j = end;
        for (int steps = 0; j < tokens.size() && steps < phraseLimit; steps++) {
            Token token = tokens.get(j);
            if (Clauses.isMark(token, QUOTE_MARKS)) {
                j++;
                continue;
            }
            if (!person && filters.isThing(tokens, j)) {
                return null;
            }
            Match<String> outcome = outcomes.at(tokens, j);
            Match<String> verb = outcome == null ? null : predicate.changing(tokens, outcome.end(), outcome.value());
            if (verb != null) {
                // "Four Israeli hostages were killed": the people are named by an outcome noun; the verb says
                // what happened to them.
                PredicatePattern.tie(candidate, verb);
                candidate.phraseEnd = verb.end();
                candidate.widenEvidence(start, verb.end());
                person = true;
                break;
            }
            if (outcome != null) {
                candidate.outcome = outcome.value();
                j = outcome.end();
                Match<String> after = victims.at(tokens, j);
                if (after != null) {
                    candidate.victims = after.value();
                    person = true;
                    j = after.end();
                    Match<String> then = predicate.changing(tokens, j, outcome.value());
                    if (then != null) {
                        // "Three wounded soldiers later died": the verb says what became of them.
                        PredicatePattern.tie(candidate, then);
                        j = then.end();
                    }
                }
                candidate.phraseEnd = j;
                candidate.widenEvidence(start, j);
                break;
            }
            Match<String> victim = victims.at(tokens, j);
            Match<String> nationality = nationalities.at(tokens, j);
            Match<Boolean> modifier = modifiers.at(tokens, j);
            if (victim != null) {
                // "37 lavoratori stranieri": a word that says no more than "people" leaves a role's class as it is.
                if (candidate.victims == null || !victim.value().equals(Candidate.UNSPECIFIED)) {
                    candidate.victims = victim.value();
                }
                j = victim.end();
                Match<String> origin = originLinks.at(tokens, j) == null ? null : places.at(tokens, j + 1);
                origin = origin != null || originLinks.at(tokens, j) == null ? origin : capitals.at(tokens, j + 1);
                if (origin != null && candidate.party == null) {
                    // "1.000 soldati di Pyongyang", "residents of Gaza": the place names their side.
                    candidate.party = origin.value();
                    j = origin.end();
                }
            } else if (nationality != null) {
                candidate.party = nationality.value();
                j = nationality.end();
            } else if (modifier != null) {
                j = modifier.end();
                continue;
            } else if (j + 1 < tokens.size() && tokens.get(j + 1).is("-")) {
                j = afterCompound(tokens, j);
                continue;
            } else if (token.isCapitalised() && connectors.at(tokens, j) == null) {
                j++;
                continue;
            } else {
                break;
            }
            person = true;
            candidate.phraseEnd = j;
            candidate.widenEvidence(start, j);
        }
        // "un morto", "one dead": a word for one person's fate stands for the person; and so does a word for one
        // before a passive ("One person was killed and another was injured").
        if (number.needsPerson() && !person && !(candidate.outcome != null && oneOutcomes.at(tokens, end) != null)
                && !(auxiliaries.at(tokens, end) != null && predicate.after(tokens, end) != null)) {
            return null;
        }
        candidate.bare = !person;
        if (candidate.bare && candidate.outcome == null) {
            if (!standsAlone(tokens, end, number)) {
                return null;
            }
            candidate.phraseEnd = j;
        }
        return candidate;
    }

    /** "three-year-old": a compound adjective, skipped as a whole. */
    private static int afterCompound(List<Token> tokens, int j) {
        int k = j;
        while (k + 2 < tokens.size() && tokens.get(k + 1).is("-")) {
            k += 2;
        }
        return k + 1;
    }

    /**
     * Whether a number with no people after it may still be a figure ("risen to 31."): not a year, and before a
     * mark, the sentence's end, a connector, an auxiliary ("Over 100 feared dead"), a threshold, a subset's words or a
     * day ("è salito a 75 domenica").
     */
    private boolean standsAlone(List<Token> tokens, int end, NumberMatch number) {
        if (Filters.isYear(tokens, number)) {
            return false;
        }
        return end >= tokens.size() || tokens.get(end).isPunct() || connectors.at(tokens, end) != null
                || auxiliaries.at(tokens, end) != null // "Over 100 feared dead", "12 reportedly killed"
                || thresholds.at(tokens, end) != null || subsets.at(tokens, end) != null
                || days.at(tokens, end) != null // "è salito a 75 domenica"
                || toll.after(tokens, end) != null; // "è salito a 45 il bilancio dei morti"
    }
}
