package org.frontline.extract.internal.casualties;

import org.frontline.extract.CasualtyFigure;
import org.frontline.extract.internal.lexicon.Lexicon;
import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.names.Name;
import org.frontline.extract.internal.numbers.NumberMatch;
import org.frontline.extract.internal.numbers.NumberReader;
import org.frontline.extract.internal.text.Document;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds casualty figures (GUIDELINES.md, "Casualty figures") sentence by sentence: a number, the words for the
 * people it counts, and the word that says what happened to them. The parts, in the order they run:
 * <ol>
 *   <li>{@link CandidateReader} reads each number, its people and the outcome right after them ({@code nominal}:
 *       "57 morti", "5,937 soldiers killed"), leaving out what {@link Filters} says is not a figure (money,
 *       dates, ages, clock times, subsets, hypothetical numbers);</li>
 *   <li>the patterns tie a number without an outcome to one, and name themselves in the figure's {@code rule}:
 *       {@link ListPattern} ("a paramedic and a rescue worker were killed"), {@link PeriodPatterns} ("1.140 dei
 *       quali nelle ultime 24 ore"), {@link FramePattern} ("brought 303 soldiers home"), {@link ActivePattern}
 *       ("killed at least 10"), {@link PredicatePattern} ("six civilians were killed"), {@link TollPattern} ("the
 *       death toll stood at 23");</li>
 *   <li>{@link Approximation} and {@link RunningTotals} decide the figure's qualifiers, {@link Sides} its
 *       party and place.</li>
 * </ol>
 * This class runs them over the sentences and keeps what runs across sentences: the figure before, the side of
 * the paragraph and the article, earlier tolls, and a figure stated twice (in the title and the body) reported
 * once. Thread-safe.
 */
public final class CasualtyFinder {

    /** The longest line read as a heading inside the body ({@link #isHeading}). */
    private static final int MAX_HEADING_TOKENS = 16;
    /** The most lines and labels of a list read back to its heading ({@link #listHeadingPeriod}). */
    private static final int MAX_LIST_LINES = 12;
    /** Marks that end a sentence of running text, a quotation's closing marks among them. */
    private static final String SENTENCE_ENDS = ".!?…»\"”)";

    private final CandidateReader reader;
    private final Filters filters;
    private final ListPattern list;
    private final ActivePattern active;
    private final FramePattern frame;
    private final PredicatePattern predicate;
    private final TollPattern toll;
    private final AdditivePattern additive;
    private final BulletinPattern bulletin;
    private final PhraseMap<Boolean> others;
    private final Approximation approximation;
    private final RunningTotals totals;
    private final Sides sides;
    private final PhraseMap<String> activeOutcomes;
    private final PhraseMap<String> tolls;
    private final PhraseMap<String> victims;
    private final PhraseMap<String> victimGroups;
    private final PhraseMap<String> nationalities;
    private final PhraseMap<Boolean> earlierTolls;
    private final int gapLimit;

    public CasualtyFinder(Lexicon lexicon, NumberReader numbers) {
        CasualtyLexicon words = new CasualtyLexicon(lexicon);
        Attacks attacks = new Attacks(words);
        this.filters = new Filters(words);
        this.active = new ActivePattern(words);
        this.frame = new FramePattern(words);
        this.predicate = new PredicatePattern(words);
        this.list = new ListPattern(words, active, predicate);
        this.toll = new TollPattern(words, attacks);
        this.additive = new AdditivePattern(words);
        this.bulletin = new BulletinPattern(words);
        this.others = words.others;
        this.reader = new CandidateReader(words, numbers, filters, predicate, list, new PeriodPatterns(words, numbers),
                toll);
        this.approximation = new Approximation(words);
        this.totals = new RunningTotals(words, attacks);
        this.sides = new Sides(words, attacks);
        this.activeOutcomes = words.activeOutcomes;
        this.tolls = words.tolls;
        this.victims = words.victims;
        this.victimGroups = words.victimGroups;
        this.nationalities = words.nationalities;
        this.gapLimit = words.gapLimit;
        this.earlierTolls = words.earlierTolls;
    }

    /**
     * The casualty figures of a document.
     *
     * @param titleParagraphs how many leading paragraphs are the title; a figure there yields to the
     *                        same figure in the body, which states it with more context
     */
    public List<CasualtyFigure> find(Document document, int titleParagraphs, List<Name> names) {
        List<Found> found = new ArrayList<>();
        List<List<Name>> persons = personsBySentence(names, document.sentences().size());
        Candidate lastFigure = null;
        String articleParty = null;
        boolean articlePartyRead = false;
        Sentence before = null;
        for (Sentence sentence : document.sentences()) {
            Found previous = found.isEmpty() ? null : found.get(found.size() - 1);
            boolean sameParagraph = previous != null && previous.paragraph == sentence.paragraph();
            ParagraphSide paragraphParty = new ParagraphSide(document, sentence, sameParagraph,
                    sameParagraph ? previous.figure.party() : null);
            Candidate runningBefore = sameParagraph ? lastFigure : null;
            // Every figure takes its outcome from an outcome word or a count noun of its sentence.
            boolean mayCount = PhraseMap.mayOccurIn(sentence.tokens(), activeOutcomes, tolls);
            List<Candidate> figures = mayCount
                    ? figuresIn(sentence.tokens(), persons.get(sentence.index()), runningBefore,
                            carriedOver(document, sentence, before))
                    : List.of();
            before = sentence;
            if (!figures.isEmpty()) {
                lastFigure = figures.get(figures.size() - 1);
            }
            for (Candidate figure : figures) {
                List<Token> tokens = sentence.tokens();
                // Read from the figure's own words, a side tells these people from others of the same count.
                String ownParty = sides.own(tokens, figure);
                String party = ownParty;
                if (party == null && !sides.isMultinational(tokens, figure)) {
                    party = sides.ofSentence(tokens, paragraphParty, figure, figures);
                    // The article's places are not the captured's side: they are where people are held or taken.
                    if (party == null && !Candidate.CAPTURED.equals(figure.outcome)) {
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
                found.add(new Found(casualty, ownParty, sentence.paragraph(), sentence.index(),
                        sentence.paragraph() < titleParagraphs
                        || !figure.rule.equals(BulletinPattern.RULE) && isHeading(document, sentence)));
                paragraphParty.set(party);
            }
        }
        return merge(found);
    }

    /**
     * What the heading of a list says of its lines' period, for a line of a list ("Losses reported since fighting
     * began on Sept. 27:", then "Servicemen killed: 532"): past the list's lines and its short labels ("Azerbaijan")
     * to the line that ends with a colon or the first paragraph of running text, whose period cue ({@link
     * #headingPeriod}) the line takes. Null when the sentence is no such line or the heading names no period.
     */
    private Boolean listHeadingPeriod(Document document, Sentence sentence) {
        if (!isHeading(document, sentence)) {
            return null;
        }
        List<Sentence> sentences = document.sentences();
        for (int k = sentence.index() - 1; k >= 0 && sentence.index() - k <= MAX_LIST_LINES; k--) {
            Sentence line = sentences.get(k);
            List<Token> tokens = line.tokens();
            if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).is(":") || !isHeading(document, line)) {
                return headingPeriod(sentences, line);
            }
        }
        return null;
    }

    /**
     * The period a list's heading gives, from its sentence that ends with the colon back to the start of its
     * paragraph ("Dopo dodici giorni di raid aerei, regge la tregua. … Ecco le cifre diffuse dalle autorità:").
     */
    private Boolean headingPeriod(List<Sentence> sentences, Sentence heading) {
        for (int k = heading.index(); k >= 0 && sentences.get(k).paragraph() == heading.paragraph(); k--) {
            Boolean period = totals.periodOf(sentences.get(k).tokens());
            if (period != null) {
                return period;
            }
        }
        return null;
    }

    /**
     * Whether a sentence is a heading inside the body, a short line of its own with no full stop ("Ore 12.10 – Baku:
     * 192 militari azeri uccisi"): like the title, it yields to the body's statement of the same figure. A bulletin's
     * lines ("Killed: 3,002") are statements, not headings.
     */
    private static boolean isHeading(Document document, Sentence sentence) {
        List<Token> tokens = sentence.tokens();
        if (tokens.isEmpty() || tokens.size() > MAX_HEADING_TOKENS
                || Clauses.isMark(tokens.get(tokens.size() - 1), SENTENCE_ENDS)) {
            return false;
        }
        List<Sentence> sentences = document.sentences();
        int k = sentence.index();
        return (k == 0 || sentences.get(k - 1).paragraph() != sentence.paragraph())
                && (k + 1 == sentences.size() || sentences.get(k + 1).paragraph() != sentence.paragraph());
    }

    /**
     * The side of the paragraph so far: the last figure's, or before the paragraph's first figure what the sentences
     * before it point to ({@link #sideBefore}), read only when a figure's sentence leaves its side to the paragraph.
     */
    private final class ParagraphSide implements Supplier<String> {
        private final Document document;
        private final Sentence sentence;
        private boolean known;
        private String side;

        ParagraphSide(Document document, Sentence sentence, boolean known, String side) {
            this.document = document;
            this.sentence = sentence;
            this.known = known;
            this.side = side;
        }

        @Override
        public String get() {
            if (!known) {
                side = sideBefore(document, sentence);
                known = true;
            }
            return side;
        }

        void set(String side) {
            this.side = side;
            this.known = true;
        }
    }

    /**
     * The paragraph's side before its first figure: what the nearest sentence before it in the paragraph points to
     * ("Si aggrava il bilancio dell'attacco ucraino sul centro di Belgorod, città russa. Secondo il governatore i
     * morti sono saliti a 24"), or null.
     */
    private String sideBefore(Document document, Sentence sentence) {
        for (int k = sentence.index() - 1; k >= 0; k--) {
            Sentence before = document.sentences().get(k);
            if (before.paragraph() != sentence.paragraph()) {
                return null;
            }
            String side = sides.ofSentence(before.tokens());
            if (side != null) {
                return side;
            }
        }
        return null;
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
    private record Found(CasualtyFigure figure, String ownParty, int paragraph, int sentence, boolean inTitle) {
    }

    /**
     * The figures of one sentence.
     *
     * @param before the last figure of the sentences before in the same paragraph, or null; a running
     *               total there makes this sentence's figures running totals unless a cue says otherwise
     * @param context what the sentence before says of the event's length ({@link RunningTotals#carriedOver}),
     *                taken by a figure that has no cue, figure or {@code before} of its own; null for nothing
     */
    private List<Candidate> figuresIn(List<Token> tokens, List<Name> persons, Candidate before, Boolean context) {
        List<Candidate> candidates = reader.candidates(tokens, persons);
        List<Candidate> figures = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            List<Candidate> members = list.from(tokens, candidates, c);
            c += members.size() - 1;
            Candidate first = members.get(0);
            Candidate previous = figures.isEmpty() ? null : figures.get(figures.size() - 1);
            boolean subset = filters.isSubset(tokens, first, previous)
                    && !(members.size() == 1 && predicate.bindsOtherOutcome(tokens, first, previous));
            if (subset || filters.isHypothetical(tokens, first) || filters.isRejected(tokens, first)
                    || filters.isRate(tokens, first)) {
                continue;
            }
            if (members.size() > 1) {
                figures.addAll(list.bind(tokens, members));
            } else if (bind(tokens, first, previous, before)) {
                figures.add(first);
            }
        }
        figures.removeIf(figure -> figure.outcome == null || filters.isDifference(tokens, figure));
        figures.removeIf(figure -> isAgent(figure, figures));
        for (int f = 0; f < figures.size(); f++) {
            complete(tokens, figures.get(f), f == 0 ? null : figures.get(f - 1), before, context);
        }
        return figures;
    }

    /**
     * Whether a figure read from its own outcome word is the subject of that word used as a verb, whose object is
     * another figure: "A sniper killed a civilian", "Two soldiers killed three civilians" count the civilians, not
     * the sniper or the soldiers. The object's number follows the verb within {@code casualties.gap-limit} words
     * ("killed at least three"); "33 ostaggi in cambio di circa 1.900 detenuti" is two figures.
     */
    private boolean isAgent(Candidate figure, List<Candidate> figures) {
        if (!figure.rule.equals(Candidate.NOMINAL)) {
            return false;
        }
        for (Candidate other : figures) {
            if (other != figure && other.rule.equals(ActivePattern.RULE) && other.evidenceStart >= figure.number.end()
                    && other.evidenceStart < figure.evidenceEnd && other.number.start() >= figure.evidenceEnd
                    && other.number.start() - figure.evidenceEnd <= gapLimit) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the sentence before, in the same paragraph, says of how long the event lasted ("after a three-day
     * assault. More than 400 people were killed"), unless this one names its own day or single period; for a line of
     * a list, what its heading says ({@link #listHeadingPeriod}); null for nothing. Read only for a sentence that may
     * have figures, as most have none.
     */
    private Boolean carriedOver(Document document, Sentence sentence, Sentence before) {
        if (before == null || before.paragraph() != sentence.paragraph()) {
            return listHeadingPeriod(document, sentence);
        }
        Boolean eventBefore = totals.lastPeriodCue(before.tokens());
        return eventBefore == null ? null
                : totals.carriedOver(sentence.tokens(), totals.lastPeriodCue(sentence.tokens()), eventBefore);
    }

    /**
     * The names of people by sentence, in order, read in one pass: a sentence's look-up costs nothing however
     * many names a long article has.
     */
    private static List<List<Name>> personsBySentence(List<Name> names, int sentences) {
        List<List<Name>> persons = new ArrayList<>(Collections.nCopies(sentences, List.of()));
        for (Name name : names) {
            if (name.kind() == Name.Kind.PERSON) {
                if (persons.get(name.sentence()).isEmpty()) {
                    persons.set(name.sentence(), new ArrayList<>());
                }
                persons.get(name.sentence()).add(name);
            }
        }
        return persons;
    }

    /**
     * Ties a candidate to its outcome by the first pattern that reads one: the outcome it names itself (nominal,
     * predicate, a period's part), a bulletin line's label, a verb around the number and people, a verb before the
     * number, a verb phrase after the people, a count noun, the figure before it that a link adds it to.
     */
    private boolean bind(List<Token> tokens, Candidate candidate, Candidate previous, Candidate before) {
        if (candidate.outcome != null) {
            active.bindHostages(tokens, candidate);
            return true;
        }
        if (candidate.periodPart) {
            return PeriodPatterns.bind(candidate, previous);
        }
        if (bulletin.bind(tokens, candidate) || frame.bind(tokens, candidate)) {
            return true;
        }
        Match<String> verb = active.before(tokens, candidate.number.start());
        if (verb != null) {
            return active.bind(tokens, candidate, verb) || toll.bind(tokens, candidate, previous, before)
                    || additive.bind(tokens, candidate, previous);
        }
        return predicate.bind(tokens, candidate) || toll.bind(tokens, candidate, previous, before)
                || additive.bind(tokens, candidate, previous);
    }

    /** Victims, party and qualifiers a figure does not state itself, from the sentence around it. */
    private void complete(List<Token> tokens, Candidate figure, Candidate previous, Candidate before,
            Boolean context) {
        if (figure.bare && previous != null) {
            figure.victims = figure.victims != null ? figure.victims : previous.victims;
            figure.party = figure.party != null ? figure.party : previous.party;
        } else if (previous != null && others.at(tokens, figure.number.end()) != null) {
            // "Two Turkish soldiers were killed and three others wounded": more people of the same side. "others"
            // does not describe them, so their victims stay unspecified (Guidelines: victims come from the words
            // that describe the people counted).
            figure.party = figure.party != null ? figure.party : previous.party;
        }
        NumberMatch part = PredicatePattern.RULE.equals(figure.rule) ? reader.partBefore(tokens, figure) : null;
        if (part != null) {
            // Only the part had the outcome its predicate says: "Four of the five crew members were killed" counts
            // four. A group named by its outcome is a figure of its own, and its part a subset ("Twelve of the 40
            // injured are in critical condition").
            figure.count = part.value();
            figure.widenEvidence(part.start(), figure.evidenceEnd);
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
        figure.approximate = approximation.of(tokens, figure, previous);
        totals.decide(tokens, figure, previous, before, context);
    }

    /** One figure per count and outcome; the body's statement wins over the title's. */
    private static List<CasualtyFigure> merge(List<Found> found) {
        List<Found> kept = new ArrayList<>();
        // Only figures of one count and outcome can be one: each is compared with those, not with every figure.
        Map<String, List<Integer>> keptByCount = new HashMap<>();
        for (Found candidate : found) {
            List<Integer> sameCount = keptByCount.computeIfAbsent(
                    candidate.figure.count() + " " + candidate.figure.outcome(), k -> new ArrayList<>());
            int same = -1;
            for (int k = 0; k < sameCount.size() && same < 0; k++) {
                if (sameFigure(kept.get(sameCount.get(k)), candidate)) {
                    same = sameCount.get(k);
                }
            }
            if (same < 0) {
                sameCount.add(kept.size());
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
     * same count, outcome and cumulative said again for the same people is one figure"), in two sentences. People
     * of two sides, each named with the figure ("303 Ukrainian soldiers", "303 Russian servicemen" in an exchange),
     * are not the same people; a side inferred from the context is not enough to tell them apart.
     */
    private static boolean sameFigure(Found first, Found second) {
        if (first.ownParty != null && second.ownParty != null && !first.ownParty.equals(second.ownParty)) {
            return false;
        }
        if (first.sentence == second.sentence) {
            return false; // "390 Ukrainians were exchanged for 390 Russians": one sentence says it once
        }
        CasualtyFigure a = first.figure;
        CasualtyFigure b = second.figure;
        boolean differentVictims = !a.victims().equals(Candidate.UNSPECIFIED)
                && !b.victims().equals(Candidate.UNSPECIFIED) && !a.victims().equals(b.victims());
        return a.count() == b.count() && a.outcome().equals(b.outcome()) && !differentVictims;
    }
}
