package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.names.Name;
import org.frontline.extract.internal.text.Document;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * Who the words {@code [start, end)} of a sentence name, once a rule has found where a speaker's words lie:
 * a pronoun ("he") is the last speaker, a name the fullest name the article gives, a role ("the NATO
 * secretary") whom the article introduced with it, a body described by a lower-case word ("il ministero
 * della Difesa britannico") that body, an indefinite description ("a resident of the area") the speaker as
 * written. Built per article.
 */
final class Resolver {

    private final Reading reading;
    private final Document document;
    private final Referents referents;
    private final StatementWords words;
    /**
     * Set while a description after a verb of saying is resolved: it is the speaker as written. It stays set
     * while the sentences read for a pronoun in it are resolved, until one of them resolves such a
     * description of its own.
     */
    private boolean descriptionAfterVerb;

    Resolver(Reading reading, Referents referents, StatementWords words) {
        this.reading = reading;
        this.document = reading.document();
        this.referents = referents;
        this.words = words;
    }

    /**
     * Who the words {@code [start, end)} of a sentence name, or null when they name no one. A role
     * ("the NATO secretary") refers to whom the article introduced with it; an indefinite
     * description before its verb ("a man who had helped…") is kept as the speaker.
     */
    Speaker resolve(Sentence sentence, int start, int end, boolean indefiniteAllowed) {
        List<Token> tokens = sentence.tokens();
        int s = start;
        int e = end;
        while (s < e && (tokens.get(s).isPunct() || words.adverbs.at(tokens, s) != null)) {
            s++;
        }
        while (e > s && tokens.get(e - 1).isPunct()) {
            e--;
        }
        if (s >= e || e - s == 1 && (words.determiners.contains(tokens.get(s))
                || words.indefinites.contains(tokens.get(s)))) {
            return null; // "promettendo una «giusta punizione»": an article alone names no one
        }
        int offset = tokens.get(s).start();
        if (words.pronouns.contains(tokens.get(s))
                || !descriptionAfterVerb && words.pronouns.contains(tokens.get(e - 1))) {
            // "ha detto lui", "the 25 million people he said"; not the pronoun that ends a description after the
            // verb ("ha detto un fotografo che lavorava con loro").
            return reading.lastSpeaker(offset);
        }
        String phrase = document.slice(offset, tokens.get(e - 1).end());
        Name person = null;
        Name organisation = null;
        Name place = null;
        for (Name name : reading.namesIn(sentence)) {
            if (name.start() < s || name.end() > e) {
                continue;
            }
            switch (name.kind()) {
                case PERSON -> person =
                        person == null || referents.rank(name) >= referents.rank(person) ? name : person;
                case ORGANISATION -> organisation = organisation == null ? name : organisation;
                case PLACE -> place = place == null ? name : place;
                default -> throw new IllegalStateException("unknown kind of name " + name.kind());
            }
        }
        boolean strongPerson = person != null && referents.isStrong(person);
        // "a doctor with Doctors Without Borders": a name after a preposition completes the description.
        boolean complement = strongPerson && isComplement(tokens, s, person.start());
        if (words.indefinites.contains(tokens.get(s)) && (!strongPerson || complement)
                && (indefiniteAllowed || descriptionAfterVerb)) {
            // "a Kanan resident", "a doctor at Shire Suhul General Hospital": the names inside describe
            // a speaker the article does not name.
            return new Speaker(phrase, phrase);
        }
        String body = describedBody(tokens, s, e);
        if (body != null) {
            // "la missione delle Nazioni Unite in Libia": the names are parts of the body's description.
            return new Speaker(body, phrase);
        }
        String role = roleWord(tokens, s, e);
        if (person != null && (role == null || referents.isStrong(person))) {
            return new Speaker(referents.fullest(person), phrase);
        }
        String referent = role != null ? referents.referent(role, offset, sentence.index()) : null;
        if (referent == null && role != null && person == null) {
            // "il leader ucraino" after "il presidente ucraino Volodymyr Zelensky": the same side's named holder.
            referent = referents.referentOfSide(tokens, s, e, offset);
        }
        if (referent != null) {
            return new Speaker(referent, phrase);
        }
        if (organisation != null) {
            return new Speaker(organisationName(tokens, s, e, organisation), phrase);
        }
        String head = organisationWord(tokens, s, e);
        if (head != null) {
            String described = referents.referent(head, offset, sentence.index());
            return new Speaker(described != null ? described : phrase, phrase);
        }
        if (role != null) {
            return new Speaker(phrase, phrase);
        }
        if (person != null) {
            return new Speaker(referents.fullest(person), phrase);
        }
        // "Israel said", "La Russia ha detto": a country alone, with its article or none, speaks for its state.
        int placeStart = s + 1 < e && words.determiners.contains(tokens.get(s)) ? s + 1 : s;
        if (place != null && place.start() == placeStart && place.end() == e) {
            return new Speaker(place.text(), phrase);
        }
        return indefiniteAllowed && words.indefinites.contains(tokens.get(s)) ? new Speaker(phrase, phrase) : null;
    }

    /**
     * {@link #resolve} of a description after a verb of saying ("said a resident who took part in the rescue"):
     * an indefinite description there is the speaker as written.
     */
    Speaker resolveDescriptionAfterVerb(Sentence sentence, int start, int end) {
        descriptionAfterVerb = true;
        try {
            return resolve(sentence, start, end, false);
        } finally {
            descriptionAfterVerb = false;
        }
    }

    /**
     * Whether the name at {@code name} follows a preposition (and an article) after {@code start}: "a doctor with
     * Doctors Without Borders", "an imam in Tak Bai".
     */
    private boolean isComplement(List<Token> tokens, int start, int name) {
        int k = name;
        if (k > start && words.determiners.contains(tokens.get(k - 1))) {
            k--;
        }
        return k > start && (words.npStops.endingAt(tokens, k) != null || words.nameWords.endingAt(tokens, k) != null
                || words.placePrepositions.endingAt(tokens, k) != null);
    }

    /**
     * The organisation's name as the phrase gives it when the phrase is all name ("Russia's Defence
     * Ministry", "Yemen's Houthi movement") or ends in a body's head word ("the UN human rights office"); else
     * the fullest name the article gives it.
     */
    private String organisationName(List<Token> tokens, int s, int e, Name organisation) {
        int end = e;
        for (int k = s; k < e; k++) {
            if (tokens.get(k).is(",")) {
                if (organisation.start() > k) {
                    return referents.fullestOrganisation(organisation);
                }
                end = k;
                break;
            }
        }
        // "the UN human rights office": words before a body's head word name a part of the body.
        boolean headed = end - 1 > organisation.start() && words.organisations.contains(tokens.get(end - 1))
                && tokens.get(end - 1).isWord();
        for (int k = s; k < end; k++) {
            Token token = tokens.get(k);
            boolean named = token.isCapitalised() || token.is("'s") || words.determiners.contains(token)
                    || headed && token.isWord() && k > organisation.start()
                    || words.organisations.contains(token) || words.nameWords.contains(token)
                    || words.nationalities.at(tokens, k) != null
                    || k > s && words.organisations.contains(tokens.get(k - 1))
                    && words.organisationAdjectives.contains(token);
            if (!named) {
                return referents.fullestOrganisation(organisation);
            }
        }
        return document.slice(tokens.get(s).start(), tokens.get(end - 1).end());
    }

    private String roleWord(List<Token> tokens, int s, int e) {
        Match<String> synonym = words.roleSynonyms.find(tokens, s, e);
        if (synonym != null) {
            // "il capo dello Stato" after "il presidente Volodymyr Zelensky": another name for the role.
            return synonym.value();
        }
        String role = null;
        for (int k = s; k < e; k++) {
            if (words.roles.contains(tokens.get(k))) {
                role = tokens.get(k).norm();
            }
        }
        return role;
    }

    private String organisationWord(List<Token> tokens, int s, int e) {
        for (int k = s; k < e; k++) {
            if (words.organisations.at(tokens, k) != null) {
                return tokens.get(k).norm();
            }
        }
        return null;
    }

    /**
     * "il ministero della Difesa britannico", "la missione delle Nazioni Unite in Libia": a body described
     * by a lower-case word for an organisation and the names joined to it, its leading article left out;
     * null when the words {@code [s, e)} do not start so.
     */
    private String describedBody(List<Token> tokens, int s, int e) {
        int k = s;
        while (k < e && words.determiners.contains(tokens.get(k))) {
            k++;
        }
        Match<Boolean> head = k < e ? words.organisations.at(tokens, k) : null;
        if (head == null || tokens.get(k).isCapitalised() || head.end() > e) {
            return null;
        }
        int end = namedExtent(tokens, head.end(), e);
        if (end == head.end()) {
            return null;
        }
        Match<Boolean> in = end + 1 < e ? words.placePrepositions.at(tokens, end) : null;
        if (in != null && in.end() < e && tokens.get(in.end()).isCapitalised()) {
            end = in.end() + 1;
            while (end < e && tokens.get(end).isCapitalised()) {
                end++;
            }
        }
        return document.slice(tokens.get(k).start(), tokens.get(end - 1).end());
    }

    /** After {@code from}, the end of the names joined to a word ("della Difesa britannico"). */
    private int namedExtent(List<Token> tokens, int from, int limit) {
        int end = from;
        while (end < limit) {
            Match<Boolean> joiner = words.nameWords.at(tokens, end);
            boolean joinsName = joiner != null && joiner.end() < limit && tokens.get(joiner.end()).isCapitalised();
            boolean hyphenated = end > from && end + 1 < limit && tokens.get(end).is("-")
                    && tokens.get(end - 1).isCapitalised() && tokens.get(end + 1).isCapitalised();
            if (joinsName) {
                end = joiner.end() + 1;
            } else if (hyphenated) {
                end += 2;
            } else if (tokens.get(end).isCapitalised() && end > from || words.nationalities.at(tokens, end) != null
                    && end > from) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    /**
     * "“…,” Zelensky said", "– said Stoltenberg –", "Peskov said:": one capitalised word next to a verb of
     * saying that the name finder did not take for a person (it is said once) is still who speaks, unless
     * it is a place or body, or a word of the lexicons ("Officials said" opening a sentence). Null otherwise.
     */
    Speaker loneName(Sentence sentence, int token) {
        Token word = sentence.tokens().get(token);
        // A side's proper name speaks as a body ("Hezbollah ha detto", "Russia said"); other lexicon words
        // opening a sentence do not ("Officials said").
        boolean lexiconWord = (word.firsts() != 0 || word.lasts() != 0)
                && words.nationalities.at(sentence.tokens(), token) == null;
        if (!word.isWord() || !word.isCapitalised() || isNamedPlaceOrBody(sentence, token)
                || token == 0 && lexiconWord) {
            return null;
        }
        return new Speaker(word.text(), word.text());
    }

    /** Whether the name finder took the token for a place or an organisation. */
    private boolean isNamedPlaceOrBody(Sentence sentence, int token) {
        for (Name name : reading.namesIn(sentence)) {
            if (name.start() <= token && token < name.end() && name.kind() != Name.Kind.PERSON) {
                return true;
            }
        }
        return false;
    }
}
