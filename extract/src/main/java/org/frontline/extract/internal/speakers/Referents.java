package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.names.Name;
import org.frontline.extract.internal.text.Document;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whom the article's names and descriptions refer to: the fullest name it gives each person ("Zelensky" is
 * "Volodymyr Zelensky" once the article has said so), the people and bodies it introduced with a role or
 * description ("il portavoce" after "il portavoce dell'esercito israeliano Daniel Hagari"), and the other
 * names each speaker was attributed by. Built per article, from its names.
 */
final class Referents {

    /** Tokens read back from a name for its role: enough for "il portavoce delle Forze di difesa israeliane, il". */
    private static final int ROLE_LOOKBACK = 10;

    /** A role word the article names someone with, and the side its nationality word gives, or null. */
    private record Role(String head, int offset, String name, String side) {
    }

    private final Reading reading;
    private final Document document;
    private final List<Name> names;
    private final StatementWords words;
    private final NameKeys nameKeys;
    /** The fullest name of each person by the key of the last word, so "Zelenskyy" finds "Volodymyr Zelensky". */
    private final Map<String, String> fullestPerson = new LinkedHashMap<>();
    /** Full names of people by their first word; "" where two people share it. */
    private final Map<String, String> byFirstWord = new HashMap<>();
    /** Whom the article introduced with a role or description word: collected when first needed. */
    private List<Role> roleMentions;
    /** The names each speaker was attributed by, in the order first seen. */
    private final Map<String, Set<String>> aliases = new LinkedHashMap<>();

    Referents(Reading reading, StatementWords words, NameKeys nameKeys) {
        this.reading = reading;
        this.document = reading.document();
        this.names = reading.names();
        this.words = words;
        this.nameKeys = nameKeys;
        for (Name name : names) {
            if (name.kind() == Name.Kind.PERSON) {
                fullestPerson.merge(lastWordKey(name.text()), name.text(),
                        (a, b) -> TextKeys.splitCount(b) > TextKeys.splitCount(a) ? b : a);
                int space = name.text().indexOf(' ');
                if (space > 0) {
                    // Two people of one first name make it nobody's: the empty string marks that.
                    byFirstWord.merge(name.text().substring(0, space), name.text(),
                            (a, b) -> a.equals(b) || lastWordKey(a).equals(lastWordKey(b)) ? a : "");
                }
            }
        }
    }

    /**
     * The fullest name the article gives the person: by the last word ("Zelensky" for "Volodymyr Zelensky"),
     * or, for one word that is no one's last word, by the first word when one person alone has it ("Tedros"
     * for "Tedros Adhanom Ghebreyesus", "Abiy" for "Abiy Ahmed").
     */
    String fullest(Name person) {
        String byLast = fullestPerson.get(lastWordKey(person.text()));
        if (byLast != null && !byLast.equals(person.text())) {
            return byLast;
        }
        String byFirst = person.text().indexOf(' ') < 0 ? byFirstWord.get(person.text()) : null;
        return byFirst != null && !byFirst.isEmpty() ? byFirst : person.text();
    }

    /** A person named in full, or by a last word the article also gives in full. */
    boolean isStrong(Name person) {
        return person.text().indexOf(' ') >= 0 || !fullest(person).equals(person.text());
    }

    /** How surely a name names a speaker: a person named in full 2, a body 1, a person by one word 0. */
    int rank(Name name) {
        if (name.kind() == Name.Kind.PERSON) {
            return isStrong(name) ? 2 : 0;
        }
        return 1;
    }

    /** The roles and description words the article introduces its names with, collected when first asked. */
    private List<Role> roleMentions() {
        if (roleMentions == null) {
            roleMentions = new ArrayList<>();
            for (Name name : names) {
                if (name.kind() != Name.Kind.PLACE) {
                    collectRoles(name);
                }
            }
        }
        return roleMentions;
    }

    /** "NATO secretary general Jens Stoltenberg", "il portavoce delle Forze…, il contrammiraglio Daniel Hagari". */
    private void collectRoles(Name name) {
        Sentence sentence = document.sentences().get(name.sentence());
        List<Token> tokens = sentence.tokens();
        String referent = null;
        String side = null;
        List<Role> found = new ArrayList<>();
        int k = name.start();
        boolean commaCrossed = false;
        for (int seen = 0; k > 0 && seen < ROLE_LOOKBACK; seen++) {
            Token token = tokens.get(k - 1);
            Match<String> nationality = words.nationalities.at(tokens, k - 1);
            side = side == null && nationality != null ? nationality.value() : side;
            if (token.is(",") && !commaCrossed) {
                commaCrossed = true;
                k--;
                continue;
            }
            if (Marks.isBoundary(token) || words.speechVerbs.contains(token)) {
                break;
            }
            boolean role = words.roles.contains(token) && name.kind() == Name.Kind.PERSON;
            if (role || words.organisations.contains(token) && !token.isCapitalised()) {
                if (referent == null) {
                    referent = name.kind() == Name.Kind.PERSON ? fullest(name) : name.text();
                }
                found.add(new Role(token.norm(), token.start(), referent, null));
            }
            k--;
        }
        // The nationality may stand before the role ("Ukrainian President") or after it ("il presidente ucraino").
        for (Role role : found) {
            roleMentions.add(new Role(role.head(), role.offset(), role.name(), side));
        }
    }

    /** Whom a description refers to: the last one introduced with its head word before {@code offset}. */
    String referent(String head, int offset, int sentenceIndex) {
        Role latest = null;
        for (Role role : roleMentions()) {
            if (role.head().equals(head) && role.offset() < offset) {
                latest = role;
            }
        }
        if (latest != null) {
            return latest.name();
        }
        Name organisation = null;
        for (Name name : names) {
            boolean earlier = name.sentence() < sentenceIndex;
            if (earlier && name.kind() == Name.Kind.ORGANISATION && folded(name.text()).contains(head)) {
                organisation = name;
            }
        }
        return organisation != null ? organisation.text() : described(head, sentenceIndex);
    }

    /**
     * The person last introduced with a role and the nationality that the words {@code [s, e)} name, or null
     * when they name none or no such person came before {@code offset}.
     */
    String referentOfSide(List<Token> tokens, int s, int e, int offset) {
        Match<String> nationality = words.nationalities.find(tokens, s, e);
        if (nationality == null) {
            return null;
        }
        String latest = null;
        for (Role role : roleMentions()) {
            if (nationality.value().equals(role.side()) && role.offset() < offset) {
                latest = role.name();
            }
        }
        return latest;
    }

    /** "il ministero della Difesa russo" introduced earlier as a lower-case description with a name in it. */
    private String described(String head, int sentenceIndex) {
        String found = null;
        for (Sentence sentence : document.sentences().subList(0, sentenceIndex)) {
            List<Token> tokens = sentence.tokens();
            for (int k = 0; k < tokens.size(); k++) {
                if (!tokens.get(k).norm().equals(head) || reading.inQuotation(tokens.get(k))) {
                    continue;
                }
                int end = k + 1;
                while (end < tokens.size()) {
                    Match<Boolean> joiner = words.nameWords.at(tokens, end);
                    boolean joinsName = joiner != null && joiner.end() < tokens.size()
                            && tokens.get(joiner.end()).isCapitalised();
                    if (joinsName) {
                        end = joiner.end() + 1;
                    } else if (tokens.get(end).isCapitalised() || words.nationalities.at(tokens, end) != null) {
                        end++;
                    } else {
                        break;
                    }
                }
                if (end > k + 1) {
                    found = document.slice(tokens.get(k).start(), tokens.get(end - 1).end());
                }
            }
        }
        return found;
    }

    /**
     * The longest name the article gives an organisation that has this one's words in it, in order ("UK
     * Ministry of Defence" for "Ministry of Defence"), or this one.
     */
    String fullestOrganisation(Name organisation) {
        String fullest = organisation.text();
        String foldedName = folded(organisation.text());
        for (Name name : names) {
            boolean contains = name.kind() == Name.Kind.ORGANISATION
                    && TextKeys.containsWords(folded(name.text()), foldedName);
            if (contains && name.text().length() > fullest.length()) {
                fullest = name.text();
            }
        }
        return fullest;
    }

    /**
     * Records how an attribution named the speaker ("il ministro" for "Antonio Tajani") and, for a person
     * the article names in full, the last word ("Tajani"), as other names of the speaker.
     */
    void addAlias(Speaker speaker) {
        Set<String> known = aliases.computeIfAbsent(speaker.name(), n -> new LinkedHashSet<>());
        if (speaker.alias() != null && !speaker.alias().isBlank()) {
            known.add(speaker.alias());
        }
        int space = speaker.name().lastIndexOf(' ');
        if (space >= 0 && fullestPerson.containsKey(lastWordKey(speaker.name()))) {
            known.add(speaker.name().substring(space + 1));
        }
    }

    /** The other names {@link #addAlias} recorded for the speaker named {@code name}. */
    List<String> aliasesOf(String name) {
        List<String> others = new ArrayList<>();
        for (String alias : aliases.getOrDefault(name, Set.of())) {
            if (!alias.equals(name)) {
                others.add(alias);
            }
        }
        return others;
    }

    /** The canonical key of the name's last word ("Zelenskyy" of "Volodymyr Zelenskyy"). */
    private String lastWordKey(String name) {
        return nameKeys.lastWordKey(name);
    }

    private String folded(String text) {
        return nameKeys.folded(text);
    }
}
