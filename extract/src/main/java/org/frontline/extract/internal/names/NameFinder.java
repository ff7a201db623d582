package org.frontline.extract.internal.names;

import org.frontline.extract.internal.lexicon.Lexicon;
import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Document;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds names as runs of capitalised words and tells people, organisations and places apart with
 * lexicons: a gazetteer of places and countries, words that make a name an organisation's
 * ("Ministry", "Consiglio"), and role words that introduce a person ("President", "General").
 * Thread-safe.
 */
public final class NameFinder {

    private final PhraseMap<String> places;
    private final PhraseMap<String> nationalities;
    private final PhraseMap<Boolean> organisations;
    private final PhraseMap<Boolean> roles;
    private final PhraseMap<Boolean> nameWords;
    private final PhraseMap<Boolean> nameStops;
    private final PhraseMap<Boolean> notNames;
    private final PhraseMap<Boolean> media;
    private final PhraseMap<Boolean> indefinites;

    public NameFinder(Lexicon lexicon) {
        this.places = lexicon.map("places", String::strip);
        this.nationalities = lexicon.map("nationalities", String::strip);
        this.organisations = lexicon.phrases("organisations");
        this.roles = lexicon.phrases("roles");
        this.nameWords = lexicon.phrases("name-words");
        this.nameStops = lexicon.phrases("name-stops");
        this.notNames = lexicon.phrases("not-names");
        this.media = lexicon.phrases("media");
        this.indefinites = lexicon.phrases("indefinites");
    }

    /**
     * All names of the document in reading order. A lone capitalised word names a person only when the
     * article uses it again, as the last word of a longer name ("Stoltenberg" after "Jens Stoltenberg") or the
     * first word of a longer person's name ("Tedros" after "Tedros Adhanom Ghebreyesus"), or right after a role
     * ("company Dtek").
     */
    public List<Name> find(Document document) {
        List<Name> runs = runs(document);
        Map<String, LoneName> lone = new HashMap<>();
        for (Name name : runs) {
            if (name.kind() == Name.Kind.PERSON && isSingleWord(name)) {
                lone.computeIfAbsent(key(name.text()), text -> new LoneName()).mentions++;
            }
        }
        if (lone.isEmpty()) {
            return runs;
        }
        for (Name name : runs) {
            LoneName word = isSingleWord(name) ? null : lone.get(key(name.lastWord()));
            if (word != null) {
                word.endsLongerName = true;
            }
            // "Tedros" after "Tedros Adhanom Ghebreyesus", "Abiy" after "Abiy Ahmed": names used by the first word.
            LoneName first = isSingleWord(name) || name.kind() != Name.Kind.PERSON ? null
                    : lone.get(key(name.text().substring(0, name.text().indexOf(' '))));
            if (first != null) {
                first.endsLongerName = true;
            }
        }
        List<Name> names = new ArrayList<>(runs.size());
        for (Name name : runs) {
            // Only lone words taken for people are in the map: a longer name's text has a space.
            LoneName word = name.kind() == Name.Kind.PERSON ? lone.get(key(name.text())) : null;
            List<Token> tokens = document.sentences().get(name.sentence()).tokens();
            if (word == null || word.endsLongerName || word.mentions > 1 || afterRole(tokens, name.start())
                    || isIntroduced(tokens, name, indefinites)) {
                names.add(name);
            }
        }
        return names;
    }

    /** A lone name's key: "al-Shabaab" and "Al-Shabaab" at a sentence's start are one name. */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** What the article says elsewhere about a capitalised word that stands alone. */
    private static final class LoneName {
        int mentions;
        /** Also the last word of a longer name, or the first word of a longer person's name. */
        boolean endsLongerName;
    }

    private static boolean isSingleWord(Name name) {
        return name.text().indexOf(' ') < 0;
    }

    /**
     * "Nermin, 19, was one of them", "Ezgi, a 24-year-old student, was thrown to the ground": a first name that
     * opens its sentence with an age or a description after it is a person's, as a witness is introduced.
     */
    public static boolean isIntroduced(List<Token> tokens, Name name, PhraseMap<Boolean> indefinites) {
        int after = name.end();
        return name.start() == 0 && after + 1 < tokens.size() && tokens.get(after).is(",")
                && (tokens.get(after + 1).isNumber() || indefinites.contains(tokens.get(after + 1)));
    }

    /** "company Dtek", "il presidente Zelensky": a role or organisation word introduces a name. */
    private boolean afterRole(List<Token> tokens, int start) {
        return start > 0 && (roles.contains(tokens.get(start - 1)) || organisations.contains(tokens.get(start - 1)));
    }

    private List<Name> runs(Document document) {
        List<Name> names = new ArrayList<>();
        for (Sentence sentence : document.sentences()) {
            List<Token> tokens = sentence.tokens();
            int i = 0;
            while (i < tokens.size()) {
                Token token = tokens.get(i);
                if (!token.isCapitalised() || nameStops.contains(token) || notNames.contains(token)) {
                    i++;
                    continue;
                }
                // "claimed by al-Shabaab", "the spokesman al-Qudra": a lower-case particle joined by a hyphen.
                Run run = run(tokens, isParticleBefore(tokens, i) ? i - 2 : i);
                classify(document, sentence, run, names);
                i = run.end();
            }
        }
        return names;
    }

    /**
     * Capitalised words from {@code start} on, in tokens {@code [start, end)}.
     *
     * @param lastOrganisation the last token of the run at which an organisation's name starts, or -1
     */
    private record Run(int start, int end, int lastOrganisation) {
    }

    private Run run(List<Token> tokens, int start) {
        int end = start + 1;
        while (end < tokens.size()) {
            Token token = tokens.get(end);
            if (token.isCapitalised() || token.isWord() && hasDigit(token.text())) {
                end++;
                continue;
            }
            Match<Boolean> joiner = nameWords.at(tokens, end);
            int after = joiner != null ? joiner.end() : token.is("-") ? end + 1 : -1;
            if (after > 0 && after + 1 < tokens.size() && tokens.get(after).is("-")) {
                after++;
            }
            if (after > 0 && after < tokens.size() && tokens.get(after).isCapitalised()) {
                end = after + 1;
                continue;
            }
            if (end - start >= 2 && isAttachedHyphen(tokens, end)) {
                // "Ban Ki-moon", "Hsu Ching-kuang": a given name's second part in lower case, after two words of
                // a name (not "Russia-backed").
                end += 2;
                continue;
            }
            break;
        }
        // An organisation's name runs on past small words: "Ministry of Defence".
        int lastOrganisation = -1;
        for (int k = start; k < end; k++) {
            Match<Boolean> organisation = organisations.at(tokens, k);
            if (organisation != null) {
                lastOrganisation = k;
                end = Math.max(end, organisation.end());
            }
        }
        return new Run(start, end, lastOrganisation);
    }

    /**
     * Whether a name particle in lower case and a hyphen stand right before the capitalised word at {@code i},
     * written without spaces, after no capitalised word (which would have started the run already).
     */
    private boolean isParticleBefore(List<Token> tokens, int i) {
        return i >= 2 && isAttachedHyphen(tokens, i - 1) && tokens.get(i - 2).isWord()
                && !tokens.get(i - 2).isCapitalised() && nameWords.contains(tokens.get(i - 2))
                && (i < 3 || !tokens.get(i - 3).isCapitalised());
    }

    /** A hyphen at {@code k} written between two words without spaces, the second a word. */
    private static boolean isAttachedHyphen(List<Token> tokens, int k) {
        return k > 0 && k + 1 < tokens.size() && tokens.get(k).is("-") && tokens.get(k + 1).isWord()
                && tokens.get(k - 1).end() == tokens.get(k).start() && tokens.get(k).end() == tokens.get(k + 1).start();
    }

    private static boolean hasDigit(String text) {
        for (int k = 0; k < text.length(); k++) {
            if (Character.isDigit(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the name a run of capitalised words makes, if any. A run is cut after its last role word:
     * "NATO Secretary General | Jens Stoltenberg".
     */
    private void classify(Document document, Sentence sentence, Run run, List<Name> names) {
        int start = run.start();
        int end = run.end();
        List<Token> tokens = sentence.tokens();
        Match<Boolean> platform = media.at(tokens, start);
        if (platform != null && platform.end() < end) {
            // "su Telegram Serhiy Lysak": the platform is a name of its own, and so is what follows it.
            names.add(name(document, sentence, start, platform.end(), Name.Kind.ORGANISATION));
            classify(document, sentence, new Run(platform.end(), end, run.lastOrganisation()), names);
            return;
        }
        Match<Boolean> body = organisations.at(tokens, start);
        if (body != null && body.end() == start + 1 && run.lastOrganisation() == start && end - body.end() >= 2
                && nameWords.endingAt(tokens, start) != null && kind(tokens, body.end(), end, -1) == Name.Kind.PERSON) {
            // "dell'Onu Martin Griffiths", "dell'Ue Josep Borrell": a body's one-word name, then a person's.
            names.add(name(document, sentence, start, body.end(), Name.Kind.ORGANISATION));
            names.add(name(document, sentence, body.end(), end, Name.Kind.PERSON));
            return;
        }
        boolean nameFollows = start + 1 < end && tokens.get(start + 1).isCapitalised();
        if (nameFollows && start > 0) {
            Match<Boolean> joiner = nameWords.endingAt(tokens, start);
            if (joiner != null && joiner.start() > 0 && roles.contains(tokens.get(joiner.start() - 1))) {
                start++;
            }
        }
        int lastRole = -1;
        for (int k = start; k < end; k++) {
            // "the General Staff", "the General Command": a role word heading a body's word names the body.
            if (roles.contains(tokens.get(k)) && !(k + 1 < end && organisations.contains(tokens.get(k + 1)))) {
                lastRole = k;
            }
        }
        if (lastRole >= 0) {
            if (lastRole + 1 < end) {
                names.add(name(document, sentence, lastRole + 1, end, Name.Kind.PERSON));
            }
            return;
        }
        Name.Kind kind = kind(tokens, start, end, run.lastOrganisation());
        if (kind != null) {
            names.add(name(document, sentence, start, end, kind));
        }
    }

    /**
     * Null for a nationality word standing alone ("Ukrainian"), which names no one. An organisation's name
     * starting in the run or an acronym makes it an organisation's.
     */
    private Name.Kind kind(List<Token> tokens, int start, int end, int lastOrganisation) {
        Match<String> place = places.at(tokens, start);
        if (place != null && place.end() == end) {
            return Name.Kind.PLACE;
        }
        Match<String> nationality = nationalities.at(tokens, start);
        if (nationality != null && nationality.end() == end) {
            return null;
        }
        if (lastOrganisation >= start) {
            return Name.Kind.ORGANISATION;
        }
        for (int k = start; k < end; k++) {
            if (isAcronym(tokens.get(k))) {
                return Name.Kind.ORGANISATION;
            }
        }
        // "the Multinational Security Support mission": names before a body's word in lower case are the body's.
        if (end - start >= 2 && end < tokens.size() && !tokens.get(end).isCapitalised()
                && organisations.contains(tokens.get(end))) {
            return Name.Kind.ORGANISATION;
        }
        return Name.Kind.PERSON;
    }

    private static boolean isAcronym(Token token) {
        String text = token.text();
        if (text.length() < 2) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (!Character.isUpperCase(c) && !Character.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static Name name(Document document, Sentence sentence, int start, int end, Name.Kind kind) {
        List<Token> tokens = sentence.tokens();
        String text = document.slice(tokens.get(start).start(), tokens.get(end - 1).end());
        return new Name(text, kind, sentence.index(), start, end);
    }
}
