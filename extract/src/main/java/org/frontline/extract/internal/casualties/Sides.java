package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Document;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The side (party) a figure's people belong to, and the place its sentence names. The side comes from the figure's
 * own words: the subject of a verb of losing ("Russia has lost 5,937 soldiers"), else the nationality next to the
 * number; else from its sentence ("a Russian missile ... in the Ukrainian city": Ukraine), its paragraph, or the
 * article's places when the text leaves no doubt. Attackers' nationalities and countries ({@link Attacks}) are
 * never the side that lost people.
 */
final class Sides {

    /** Words between a border's words and a place they put across it: "confine con il Mali e il Burkina Faso". */
    private static final int BORDER_REACH = 6;
    /** The value of a {@code border-links} entry that follows the place it puts across a border. */
    private static final String AFTER = "after";
    /** Words between a nationality and the verb it is the subject of: "Russian forces have killed". */
    private static final int SUBJECT_GAP = 2;
    /** The article's places point to one side when it has at least this many mentions... */
    private static final int ARTICLE_PLACES_MIN = 2;
    /** ...and at least this share of all place mentions. */
    private static final double ARTICLE_PLACES_SHARE = 2.0 / 3;

    private final PhraseMap<String> nationalities;
    private final PhraseMap<String> places;
    private final PhraseMap<String> opponents;
    private final PhraseMap<Boolean> lossVerbs;
    private final PhraseMap<Boolean> pronouns;
    private final PhraseMap<Boolean> speechVerbs;
    private final PhraseMap<Boolean> conjunctions;
    private final PhraseMap<String> tolls;
    private final PhraseMap<String> outcomes;
    private final PhraseMap<Boolean> approximate;
    private final PhraseMap<Boolean> auxiliaries;
    private final PhraseMap<Boolean> agents;
    private final PhraseMap<String> borderLinks;
    private final PhraseMap<Boolean> targets;
    private final PhraseMap<Boolean> multinational;
    private final PhraseMap<Boolean> roles;
    private final Attacks attacks;

    Sides(CasualtyLexicon words, Attacks attacks) {
        this.nationalities = words.nationalities;
        this.places = words.places;
        this.opponents = words.opponents;
        this.lossVerbs = words.lossVerbs;
        this.pronouns = words.pronouns;
        this.speechVerbs = words.speechVerbs;
        this.conjunctions = words.conjunctions;
        this.tolls = words.tolls;
        this.outcomes = words.outcomes;
        this.approximate = words.approximate;
        this.auxiliaries = words.auxiliaries;
        this.agents = words.agents;
        this.borderLinks = words.borderLinks;
        this.targets = words.targets;
        this.multinational = words.multinational;
        this.roles = words.roles;
        this.attacks = attacks;
    }

    /**
     * The side a figure's own words give: the side that lost its people ("Kiev's forces") says more than a
     * nationality near the number.
     */
    String own(List<Token> tokens, Candidate figure) {
        String loser = loser(tokens, figure);
        return loser != null ? loser : figure.party;
    }

    /**
     * Whether the figure's words count people of several nationalities or none ({@code multinational}: "four
     * peacekeepers", "60 migrants"), whose side is then only what their own words name (Guidelines, Hard cases).
     */
    boolean isMultinational(List<Token> tokens, Candidate figure) {
        return multinational.find(tokens, figure.evidenceStart, Math.max(figure.evidenceEnd, figure.phraseEnd)) != null;
    }

    /**
     * The side that lost the figure's people when it is the subject of a verb of losing right before the
     * number: "Russia has lost 5,937 soldiers", "Mosca ha perso circa 299.080 uomini", "the Russians lost 300".
     */
    private String loser(List<Token> tokens, Candidate figure) {
        int k = figure.number.start();
        Match<Boolean> approx = approximate.endingAt(tokens, k);
        Match<Boolean> verb = lossVerbs.endingAt(tokens, approx != null ? approx.start() : k);
        if (verb == null) {
            return null;
        }
        int subjectEnd = verb.start();
        for (Match<Boolean> auxiliary = auxiliaries.endingAt(tokens, subjectEnd); auxiliary != null;
                auxiliary = auxiliaries.endingAt(tokens, subjectEnd)) {
            subjectEnd = auxiliary.start();
        }
        subjectEnd = reporter(tokens, subjectEnd);
        Match<String> subject = places.endingAt(tokens, subjectEnd);
        if (subject == null || !tokens.get(subject.start()).isCapitalised()) {
            subject = nationalities.endingAt(tokens, subjectEnd);
        }
        return subject == null ? null : subject.value();
    }

    /**
     * Where the side that reports ends when the subject is a pronoun for it: "Moscow says it has also got back
     * 1,000 of its citizens", "Russia said that it had lost 300"; else {@code subjectEnd} as it is.
     */
    private int reporter(List<Token> tokens, int subjectEnd) {
        if (subjectEnd == 0 || !pronouns.contains(tokens.get(subjectEnd - 1))) {
            return subjectEnd;
        }
        int k = subjectEnd - 1;
        Match<Boolean> that = k > 0 ? conjunctions.endingAt(tokens, k) : null;
        k = that != null ? that.start() : k;
        Match<Boolean> verb = speechVerbs.endingAt(tokens, k);
        return verb != null ? verb.start() : subjectEnd;
    }

    /**
     * The side a sentence's words point to: the one nationality named other than an attacker's or an official's
     * ("a Russian missile ... in the Ukrainian city"), else the country of the places named (not for the captured),
     * else the opponent of the only attacker named, else the paragraph's side when no country is named; null when
     * the words disagree. The side that did the killing is an attacker: the agent of a passive ("by the Houthis"), the
     * subject of the figure's active verb ("Russian forces killed three civilians in Kherson"), or a nationality
     * near an attack word.
     */
    String ofSentence(List<Token> tokens, Supplier<String> paragraphParty, Candidate figure,
            List<Candidate> sentenceFigures) {
        Set<String> attackers = new HashSet<>();
        Set<String> others = new HashSet<>();
        Set<String> officials = new HashSet<>();
        for (Match<String> nationality = nationalities.find(tokens, 0, tokens.size()); nationality != null;
                nationality = nationalities.find(tokens, nationality.end(), tokens.size())) {
            if (isAcrossBorder(tokens, nationality) || isOtherFiguresPeople(nationality, figure, sentenceFigures)) {
                continue;
            }
            if (isOfficials(tokens, nationality)) {
                officials.add(nationality.value());
                continue;
            }
            boolean agent = agents.endingAt(tokens, nationality.start()) != null
                    || isSubjectOfVerb(tokens, nationality, figure);
            // "missiles at Ukrainian cities": the side aimed at, however near the attack's words.
            boolean target = targets.endingAt(tokens, nationality.start()) != null;
            (agent || !target && attacks.isNear(tokens, nationality) ? attackers : others).add(nationality.value());
        }
        if (!Collections.disjoint(others, attackers) || others.size() > 1) {
            return null;
        }
        if (others.size() == 1) {
            return others.iterator().next();
        }
        // Where people are held or were taken is the captor's ground ("116 are still held in Gaza", "captured in the
        // Kursk region"): the Guidelines give the captured the side of the people held, so places say nothing of it.
        boolean placesTell = figure == null || !Candidate.CAPTURED.equals(figure.outcome);
        Set<String> countries = new HashSet<>();
        for (Match<String> place = places.find(tokens, 0, tokens.size()); place != null;
                place = places.find(tokens, place.start() + 1, tokens.size())) {
            if (placesTell && tokens.get(place.start()).isCapitalised() && !isAcrossBorder(tokens, place)) {
                // "Russia's invasion": a country whose attack it is is the attacker, not where people were hit.
                (attacks.isOwnedBy(tokens, place) ? attackers : countries).add(place.value());
            }
        }
        if (countries.size() == 1) {
            return countries.iterator().next();
        }
        if (countries.isEmpty() && attackers.isEmpty() && officials.size() == 1) {
            // "the Ukrainian president said 31,000 soldiers had been killed"; but a side the paragraph gave
            // already says more than an observer's nationality ("…soldati di Pyongyang… l'intelligence sudcoreana
            // contava almeno 100 morti").
            String paragraph = paragraphParty.get();
            return paragraph != null ? paragraph : officials.iterator().next();
        }
        if (countries.isEmpty() && attackers.size() == 1) {
            String attacker = attackers.iterator().next();
            String opponent = opponents.singleWords().get(attacker.toLowerCase(Locale.ROOT));
            return opponent != null ? opponent : paragraphParty.get();
        }
        return countries.isEmpty() ? paragraphParty.get() : null;
    }

    /**
     * The side a sentence without a figure points to, by the same reading as a figure's sentence: "Si aggrava il
     * bilancio dell'attacco ucraino sul centro di Belgorod, città russa." (Russia); null when it names none or
     * several.
     */
    String ofSentence(List<Token> tokens) {
        return ofSentence(tokens, () -> null, null, List.of());
    }

    /**
     * Whether the nationality is in another figure's own words: "33 ostaggi in cambio di 1.900 detenuti
     * palestinesi" says nothing of the hostages' side.
     */
    private static boolean isOtherFiguresPeople(Match<String> nationality, Candidate figure, List<Candidate> figures) {
        for (Candidate other : figures) {
            if (other != figure && other.number.start() <= nationality.start()
                    && nationality.end() <= Math.max(other.phraseEnd, other.evidenceEnd)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the nationality is that of someone who speaks or acts for a side, by the role next to it ("the former
     * Nigerian president", "l'ex presidente nigeriano"): it tells the side of the people counted only when the
     * sentence names no other nationality and no country.
     */
    private boolean isOfficials(List<Token> tokens, Match<String> nationality) {
        return roles.at(tokens, nationality.end()) != null || roles.endingAt(tokens, nationality.start()) != null;
    }

    /**
     * Whether the nationality heads the subject of the figure's active verb of killing or wounding: "Le forze russe
     * hanno ucciso". The subject of a verb of losing is the side that lost them ("Ukrainian forces had lost").
     */
    private boolean isSubjectOfVerb(List<Token> tokens, Match<String> nationality, Candidate figure) {
        if (figure == null) {
            return false;
        }
        int verb = verbBefore(tokens, figure);
        // A count noun is no verb: in "Russian losses have passed a million" the nationality is the people's.
        if (verb < 0 || nationality.end() > verb || verb - nationality.end() > SUBJECT_GAP
                || lossVerbs.at(tokens, verb) != null || tolls.at(tokens, verb) != null) {
            return false;
        }
        for (int k = nationality.end(); k < verb; k++) {
            if (!tokens.get(k).isWord()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the verb that tied the figure begins: the active pattern's or the frame's ("took its 25 crew members
     * hostage"), or an outcome verb right before a figure
     * of its own ("Hamas released 24 hostages"); -1 when there is none.
     */
    private int verbBefore(List<Token> tokens, Candidate figure) {
        if (ActivePattern.RULE.equals(figure.rule) || FramePattern.RULE.equals(figure.rule)) {
            return figure.evidenceStart;
        }
        Match<Boolean> approx = approximate.endingAt(tokens, figure.number.start());
        Match<String> verb = outcomes.endingAt(tokens, approx != null ? approx.start() : figure.number.start());
        return verb == null ? -1 : verb.start();
    }

    /**
     * Whether the place is named as the other side of a border, not where people were hit: "a ridosso del confine
     * con il Mali e il Burkina Faso", "near the border with Poland" ({@code border-links}, then the places joined to
     * the first by "and"), "near the Indian border" (an entry marked {@code = after} follows the place).
     */
    private boolean isAcrossBorder(List<Token> tokens, Match<String> place) {
        Match<String> after = borderLinks.at(tokens, place.end());
        if (after != null && after.value().equals(AFTER)) {
            return true; // "near the Indian border"
        }
        int k = place.start();
        while (k > 0 && place.start() - k <= BORDER_REACH && !tokens.get(k - 1).isPunct()) {
            Match<String> before = borderLinks.endingAt(tokens, k);
            if (before != null && !before.value().equals(AFTER)) {
                return true;
            }
            k--;
        }
        return false;
    }

    /**
     * The side an article is about when neither a figure's sentence nor its paragraph names one: the
     * country of most of the places the article names ("shelling in Kharkiv ... the Kherson region"), when
     * it has at least two mentions and two thirds of them, so that the text leaves no doubt; else null.
     * Datelines in capitals are left out, as they tell where the reporter is, and so are attackers (the agent of a
     * passive, the country whose attack it is), as in a figure's own sentence.
     */
    String ofArticle(Document document) {
        Map<String, Integer> mentions = new HashMap<>();
        int total = 0;
        for (Sentence sentence : document.sentences()) {
            List<Token> tokens = sentence.tokens();
            for (Match<String> place = namedPlace(tokens, 0); place != null; place = namedPlace(tokens, place.end())) {
                if (agents.endingAt(tokens, place.start()) != null || attacks.isOwnedBy(tokens, place)) {
                    continue; // "by Israel", "Russia's invasion": the attacker, as in a figure's own sentence
                }
                mentions.merge(place.value(), 1, Integer::sum);
                total++;
            }
        }
        for (Map.Entry<String, Integer> country : mentions.entrySet()) {
            if (country.getValue() >= ARTICLE_PLACES_MIN && country.getValue() >= total * ARTICLE_PLACES_SHARE) {
                return country.getKey();
            }
        }
        return null;
    }

    /** The words of the first place the sentence names as one ("Kharkiv" in "in the Kharkiv region"), or null. */
    String location(List<Token> tokens) {
        Match<String> place = namedPlace(tokens, 0);
        return place == null ? null : joined(tokens, place.start(), place.end());
    }

    /** The first place from {@code from} on that the text names as one: capitalised, and not a dateline. */
    private Match<String> namedPlace(List<Token> tokens, int from) {
        for (Match<String> place = places.find(tokens, from, tokens.size()); place != null;
                place = places.find(tokens, place.start() + 1, tokens.size())) {
            Token first = tokens.get(place.start());
            if (first.isCapitalised() && !isAllCapitals(first)) {
                return place;
            }
        }
        return null;
    }

    /** "KYIV": a dateline, not where the figure happened. */
    private static boolean isAllCapitals(Token token) {
        return token.text().equals(token.text().toUpperCase(Locale.ROOT));
    }

    private static String joined(List<Token> tokens, int start, int end) {
        StringBuilder text = new StringBuilder();
        for (int k = start; k < end; k++) {
            text.append(k == start ? "" : " ").append(tokens.get(k).text());
        }
        return text.toString();
    }
}
