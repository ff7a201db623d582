package org.frontline.extract.internal.casualties;

import org.frontline.extract.CasualtyFigure;
import org.frontline.extract.internal.lexicon.Lexicon;
import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.numbers.NumberMatch;
import org.frontline.extract.internal.numbers.NumberReader;
import org.frontline.extract.internal.text.Document;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds casualty figures (GUIDELINES.md, "Casualty figures") sentence by sentence: a number, the
 * words for the people it counts, and the word that says what happened to them, found in one of the
 * forms news text uses:
 * <ul>
 *   <li>nominal, after the number: "57 morti", "5,937 soldiers killed", "750 Russian casualties";</li>
 *   <li>active, before it: "killed at least 10 people", "uccidendo 21 civili", "i morti sono 13";</li>
 *   <li>predicate, after the people: "six civilians were killed", "tre civili sono stati uccisi";</li>
 *   <li>a count noun linked to the number: "the death toll stood at 23", "le perdite ... ammontano a 120.160".</li>
 * </ul>
 * Subsets, hypothetical numbers, numbers of things, dates, ages and percentages are left out, and a
 * figure stated twice is reported once. Thread-safe.
 */
public final class CasualtyFinder {


    private final CandidateReader reader;
    private final Filters filters;
    private final ActivePattern active;
    private final PredicatePattern predicate;
    private final TollPattern toll;
    private final ListPattern list;
    private final PhraseMap<String> outcomes;
    private final PhraseMap<String> victims;
    private final PhraseMap<String> victimGroups;
    private final PhraseMap<String> nationalities;
    private final PhraseMap<String> tolls;
    private final PhraseMap<Boolean> tollLinks;
    private final int gapLimit;
    private final PhraseMap<Boolean> earlierTolls;
    private final PhraseMap<Boolean> approximate;
    private final PhraseMap<Boolean> approximateNumbers;
    private final PhraseMap<Boolean> subsets;
    private final Attacks attacks;
    private final RunningTotals totals;
    private final Sides sides;
    private final PhraseMap<Boolean> approximateCarriers;

    public CasualtyFinder(Lexicon lexicon, NumberReader numbers) {
        CasualtyLexicon words = new CasualtyLexicon(lexicon);
        this.filters = new Filters(words);
        this.active = new ActivePattern(words);
        this.predicate = new PredicatePattern(words);
        this.attacks = new Attacks(words);
        this.toll = new TollPattern(words, attacks);
        this.totals = new RunningTotals(words, attacks);
        this.sides = new Sides(words, attacks);
        this.list = new ListPattern(words, active, predicate);
        this.reader = new CandidateReader(words, numbers, filters, predicate, list, new PeriodPatterns(words, numbers));
        this.outcomes = words.outcomes;
        this.victims = words.victims;
        this.victimGroups = words.victimGroups;
        this.nationalities = words.nationalities;
        this.tolls = words.tolls;
        this.tollLinks = words.tollLinks;
        this.earlierTolls = words.earlierTolls;
        this.approximate = words.approximate;
        this.approximateNumbers = words.approximateNumbers;
        this.gapLimit = words.gapLimit;
        this.subsets = words.subsets;
        this.approximateCarriers = words.approximateCarriers;
    }

    /**
     * The casualty figures of a document.
     *
     * @param titleParagraphs how many leading paragraphs are the title; a figure there yields to the
     *                        same figure in the body, which states it with more context
     */
    public List<CasualtyFigure> find(Document document, int titleParagraphs) {
        List<Found> found = new ArrayList<>();
        Candidate lastInSentence = null;
        int lastSentence = -2;
        String articleParty = null;
        boolean articlePartyRead = false;
        Boolean eventBefore = null;
        int eventParagraph = -1;
        for (Sentence sentence : document.sentences()) {
            Found previous = found.isEmpty() ? null : found.get(found.size() - 1);
            boolean sameParagraph = previous != null && previous.paragraph == sentence.paragraph();
            String paragraphParty = sameParagraph ? previous.figure.party() : null;
            Candidate runningBefore = sameParagraph && lastSentence == sentence.index() - 1 ? lastInSentence : null;
            // Every figure takes its outcome from an outcome word or a count noun of its sentence.
            boolean mayCount = PhraseMap.mayOccurIn(sentence.tokens(), outcomes, tolls);
            // The sentence before, in the same paragraph, may say how long the event lasted ("after a three-day
            // assault. More than 400 people were killed"), unless this one names its own day or single period.
            Boolean period = totals.lastPeriodCue(sentence.tokens());
            Boolean context = sentence.paragraph() == eventParagraph
                    ? totals.carriedOver(sentence.tokens(), period, eventBefore) : null;
            List<Candidate> figures = mayCount ? figuresIn(sentence.tokens(), runningBefore, context) : List.of();
            eventBefore = period;
            eventParagraph = sentence.paragraph();
            if (!figures.isEmpty()) {
                lastInSentence = figures.get(figures.size() - 1);
                lastSentence = sentence.index();
            }
            for (Candidate figure : figures) {
                List<Token> tokens = sentence.tokens();
                // Read from the figure's own words, a side tells these people from others of the same count.
                String ownParty = sides.own(tokens, figure);
                String party = ownParty;
                if (party == null && !sides.isMultinational(tokens, figure)) {
                    party = sides.ofSentence(tokens, paragraphParty);
                    if (party == null) {
                        if (!articlePartyRead) {
                            articleParty = sides.ofArticle(document);
                            articlePartyRead = true;
                        }
                        party = articleParty;
                    }
                }
                Found sameEvent = earlierTollOf(tokens, figure, found);
                if (sameEvent != null) {
                    figure.cumulative = sameEvent.figure.cumulative();
                }
                int start = tokens.get(figure.evidenceStart).start();
                int end = tokens.get(figure.evidenceEnd - 1).end();
                CasualtyFigure casualty = new CasualtyFigure(figure.count, figure.outcome, figure.victims, party,
                        figure.cumulative, figure.approximate, sides.location(tokens), document.slice(start, end),
                        figure.rule, start, end);
                found.add(new Found(casualty, ownParty, sentence.paragraph(), sentence.paragraph() < titleParagraphs));
                paragraphParty = party;
            }
        }
        return merge(found);
    }

    /**
     * For a figure its clause calls an earlier toll ("Ieri il bilancio provvisorio parlava di 27 morti", "an
     * initial toll of 12"), the figure it was an earlier count of: the last one found before it with the same
     * outcome, outside the title. An earlier toll counts the same event, which lasted days or did not, so it
     * takes that figure's {@code cumulative} (Guidelines, Hard cases: an earlier toll of the same event is a
     * figure). Null when the clause says no such thing or no such figure came before.
     */
    private Found earlierTollOf(List<Token> tokens, Candidate figure, List<Found> found) {
        int start = figure.number.start();
        if (earlierTolls.find(tokens, Clauses.clauseStart(tokens, start), start) == null) {
            return null;
        }
        for (int f = found.size() - 1; f >= 0; f--) {
            Found before = found.get(f);
            if (!before.inTitle && before.figure.outcome().equals(figure.outcome)) {
                return before;
            }
        }
        return null;
    }

    /**
     * A figure as found, before figures said twice are merged.
     *
     * @param ownParty the party read from the figure's own words (its nationality, the side that lost it), or
     *                 null when the party was inferred from the sentence, paragraph or article
     */
    private record Found(CasualtyFigure figure, String ownParty, int paragraph, boolean inTitle) {
    }

    /**
     * The figures of one sentence.
     *
     * @param before the last figure of the sentence just before in the same paragraph, or null; a running
     *               total there makes this sentence's figures running totals unless a cue says otherwise
     * @param context what the sentence before says of the event's length ({@link #lastPeriodCue}), taken by a
     *                figure that has no cue, figure or {@code before} of its own; null for nothing
     */
    private List<Candidate> figuresIn(List<Token> tokens, Candidate before, Boolean context) {
        List<Candidate> candidates = reader.candidates(tokens);
        List<Candidate> figures = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            List<Candidate> members = list.from(tokens, candidates, c);
            c += members.size() - 1;
            Candidate first = members.get(0);
            Candidate previous = figures.isEmpty() ? null : figures.get(figures.size() - 1);
            boolean subset = filters.isSubset(tokens, first, previous)
                    && !(members.size() == 1 && predicate.bindsOtherOutcome(tokens, first, previous));
            if (subset || filters.isHypothetical(tokens, first)) {
                continue;
            }
            if (members.size() > 1) {
                figures.addAll(list.bind(tokens, members));
            } else if (bind(tokens, first, previous)) {
                figures.add(first);
            }
        }
        figures.removeIf(figure -> figure.outcome == null);
        for (int f = 0; f < figures.size(); f++) {
            complete(tokens, figures.get(f), f == 0 ? null : figures.get(f - 1), before, context);
        }
        return figures;
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

    /**
     * Ties a candidate to its outcome by the first pattern that reads one: the outcome it names itself (nominal,
     * predicate, a period's part), a verb before the number, a verb phrase after the people, a count noun.
     */
    private boolean bind(List<Token> tokens, Candidate candidate, Candidate previous) {
        if (candidate.outcome != null) {
            active.bindHostages(tokens, candidate);
            return true;
        }
        if (candidate.periodPart) {
            return PeriodPatterns.bind(candidate, previous);
        }
        Match<String> verb = active.before(tokens, candidate.number.start());
        if (verb != null) {
            return active.bind(tokens, candidate, verb) || toll.bind(tokens, candidate, previous);
        }
        return predicate.bind(tokens, candidate) || toll.bind(tokens, candidate, previous);
    }

    /** Victims, party and qualifiers a figure does not state itself, from the sentence around it. */
    private void complete(List<Token> tokens, Candidate figure, Candidate previous, Candidate before,
            Boolean context) {
        if (figure.bare && previous != null) {
            figure.victims = figure.victims != null ? figure.victims : previous.victims;
            figure.party = figure.party != null ? figure.party : previous.party;
        }
        int number = figure.number.start();
        if (figure.victims == null && number > 0 && tokens.get(number - 1).is(":")) {
            // A bulletin line names its people before the colon: "militari ucraini caduti: 31mila".
            int clause = Clauses.clauseStart(tokens, number - 1);
            Match<String> named = victims.findLast(tokens, clause, number - 1);
            if (named != null && named.start() > clause && tokens.get(named.start()).isCapitalised()) {
                named = null; // part of a name: "The General Staff gave the count:"
            }
            // Only a nationality beside the people is theirs: "dell'offensiva israeliana: 32.916 morti" is not.
            Match<String> side = named == null ? null
                    : nationalities.findLast(tokens, Math.max(clause, named.start() - 2), number - 1);
            figure.victims = named == null ? null : named.value();
            figure.party = figure.party == null && side != null ? side.value() : figure.party;
        }
        if (figure.victims == null) {
            Match<String> group = victimGroups.find(tokens, 0, tokens.size());
            figure.victims = group != null ? group.value()
                    : figure.outcome.equals(Candidate.LOSSES) ? Candidate.MILITARY : Candidate.UNSPECIFIED;
        }
        int start = figure.number.start();
        figure.approximate = figure.range || approximateNumbers.at(tokens, start) != null
                || isApproximate(tokens, start) || previous != null && previous.approximate
                && start > 0 && carriesQualifier(tokens, previous, start);
        totals.decide(tokens, figure, previous, before, context);
    }

    private boolean isApproximate(List<Token> tokens, int start) {
        if (approximate.endingAt(tokens, start) != null) {
            return true;
        }
        Match<Boolean> link = tollLinks.endingAt(tokens, start);
        return link != null && approximate.endingAt(tokens, link.start()) != null;
    }

    /** One figure per count and outcome; the body's statement wins over the title's. */
    private static List<CasualtyFigure> merge(List<Found> found) {
        List<Found> kept = new ArrayList<>();
        for (Found candidate : found) {
            int same = -1;
            for (int k = 0; k < kept.size() && same < 0; k++) {
                if (sameFigure(kept.get(k), candidate)) {
                    same = k;
                }
            }
            if (same < 0) {
                kept.add(candidate);
            } else if (kept.get(same).inTitle && !candidate.inTitle) {
                kept.set(same, candidate);
            }
        }
        List<CasualtyFigure> figures = new ArrayList<>(kept.size());
        for (Found figure : kept) {
            figures.add(figure.figure);
        }
        return Collections.unmodifiableList(figures);
    }

    /**
     * Whether two figures are one said twice: the same count and outcome, for the same people (Guidelines: "the
     * same count, outcome and cumulative said again for the same people is one figure"). People of two sides,
     * each named with the figure ("303 Ukrainian soldiers", "303 Russian servicemen" in an exchange), are not
     * the same people; a side inferred from the context is not enough to tell them apart.
     */
    private static boolean sameFigure(Found first, Found second) {
        if (first.ownParty != null && second.ownParty != null && !first.ownParty.equals(second.ownParty)) {
            return false;
        }
        CasualtyFigure a = first.figure;
        CasualtyFigure b = second.figure;
        boolean differentVictims = !a.victims().equals(Candidate.UNSPECIFIED)
                && !b.victims().equals(Candidate.UNSPECIFIED) && !a.victims().equals(b.victims());
        return a.count() == b.count() && a.outcome().equals(b.outcome()) && !differentVictims;
    }
}
