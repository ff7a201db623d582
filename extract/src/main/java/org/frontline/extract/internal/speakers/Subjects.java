package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.names.Name;
import org.frontline.extract.internal.text.Document;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * Where the words that name a speaker lie around a verb of saying: before it ("Peskov said"), after it when
 * the order is inverted ("said Danielle Bell", "ha scritto su Telegram il vicecapo…"), across asides and
 * appositions ("Hezbollah, in una nota, ha detto"), or the sentence's main subject. What the words name is
 * the {@link Resolver}'s to say. Built per article.
 */
final class Subjects {

    /** Tokens back from a closing comma or bracket searched for the mark that opens an aside. */
    private static final int ASIDE_LIMIT = 6;
    /** Words of a prepositional aside between a verb of saying and its speaker ("al telefono"). */
    private static final int ASIDE_WORDS = 3;
    /** Words of a noun phrase for the people or outlet told: "a una radio locale". */
    private static final int TOLD_WORDS = 3;

    private final Reading reading;
    private final Document document;
    private final Referents referents;
    private final Resolver resolver;
    private final StatementWords words;

    Subjects(Reading reading, Referents referents, Resolver resolver, StatementWords words) {
        this.reading = reading;
        this.document = reading.document();
        this.referents = referents;
        this.resolver = resolver;
        this.words = words;
    }

    /** The subject of a verb of saying: the words before it, or after it when the order is inverted. */
    Speaker subject(Sentence sentence, Match<Boolean> verb, int floor) {
        Speaker before = subjectBefore(sentence, verb, floor);
        // "«…», she told the BBC": a pronoun is the subject even when no one is named before it; what follows
        // the verb is whom the words were told.
        return before != null || isPronounBefore(sentence.tokens(), verb.start(), floor) ? before
                : subjectAfter(sentence, verb);
    }

    private boolean isPronounBefore(List<Token> tokens, int verbStart, int floor) {
        int end = beforeAuxiliaries(tokens, verbStart, floor);
        return end > floor && words.pronouns.contains(tokens.get(end - 1));
    }

    /** Where the words before a verb of saying end, past its auxiliaries and adverbs ("has also said"). */
    private int beforeAuxiliaries(List<Token> tokens, int verbStart, int floor) {
        int end = verbStart;
        while (end > floor && words.speechAuxiliaries.endingAt(tokens, end) != null) {
            end = words.speechAuxiliaries.endingAt(tokens, end).start();
        }
        while (end > floor && words.adverbs.endingAt(tokens, end) != null) {
            end = words.adverbs.endingAt(tokens, end).start();
        }
        return end;
    }

    /** "Peskov said", "Hezbollah, in una nota, ha detto", "the minister, who said": the words before the verb. */
    Speaker subjectBefore(Sentence sentence, Match<Boolean> verb, int floor) {
        List<Token> tokens = sentence.tokens();
        int end = beforeAuxiliaries(tokens, verb.start(), floor);
        int start = subjectStart(tokens, end, floor);
        Speaker antecedent = antecedent(sentence, start, floor);
        if (antecedent != null) {
            return antecedent;
        }
        end = beforeAside(tokens, start, end);
        Speaker named = start < end ? resolver.resolve(sentence, start, end, true) : null;
        return named == null && end == start + 1 ? resolver.loneName(sentence, start) : named;
    }

    /**
     * Where a subject ends before an aside between commas that stands between it and its verb: "Hezbollah, in
     * una nota, ha detto", "the ministry, in a statement, said", "Serhiy Lysak, head of the regional
     * administration, wrote". An aside opens with a word in lower case; a name in apposition ("the agency's
     * head, Filippo Grandi, said") is the subject itself. {@code end} when there is no aside.
     */
    private int beforeAside(List<Token> tokens, int start, int end) {
        if (end - 1 <= start || !tokens.get(end - 1).is(",")) {
            return end;
        }
        for (int k = end - 2; k > start; k--) {
            if (tokens.get(k).is(",")) {
                return isLowerCaseAside(tokens, k + 1, end - 1) ? k : end;
            }
        }
        return end;
    }

    /**
     * "Zelensky, che su Twitter ha parlato", "the minister, who said on Telegram": a relative clause
     * after a comma is about the name before the comma, not about the names inside it. The relative
     * pronoun is at the subject's start, or just before it where it also ends clauses ("che").
     */
    private Speaker antecedent(Sentence sentence, int start, int floor) {
        List<Token> tokens = sentence.tokens();
        Match<Boolean> relative = words.relatives.endingAt(tokens, start);
        if (relative == null) {
            relative = words.relatives.at(tokens, start);
        }
        if (relative != null && relative.end() < tokens.size() && words.pronouns.contains(tokens.get(relative.end()))) {
            // "the shell, which he called …": the relative clause has a subject of its own.
            return null;
        }
        int comma = relative == null ? -1 : relative.start() - 1;
        if (comma <= floor || !tokens.get(comma).is(",")) {
            return null;
        }
        int from = subjectStart(tokens, comma, floor);
        // "«…», ha insistito il leader, che ha poi aggiunto: «…»": the verb of the quotation before is not
        // part of the antecedent.
        for (Match<Boolean> aux = words.speechAuxiliaries.at(tokens, from); aux != null && aux.end() < comma;
                aux = words.speechAuxiliaries.at(tokens, from)) {
            from = aux.end();
        }
        Match<Boolean> verb = words.speechVerbs.at(tokens, from);
        from = verb != null && verb.end() < comma ? skipLeading(tokens, verb.end()) : from;
        return from < comma ? resolver.resolve(sentence, from, comma, true) : null;
    }

    /**
     * Past the outlet or the people a message was given to, "a Repubblica", "alla Cnn", "all'agenzia Reuters", "ai
     * giornalisti", "to the BBC", "a una radio locale" (when a subject with its article follows): where the speaker
     * may follow ("in un'intervista a Repubblica il generale…"). {@code from} when no recipient is named there.
     */
    private int skipRecipient(List<Token> tokens, int from) {
        Match<Boolean> to = words.recipients.at(tokens, from);
        if (to == null) {
            return from;
        }
        int k = to.end();
        if (k < tokens.size() && isArticle(tokens.get(k))) {
            k++;
        }
        int name = k;
        int nouns = k;
        while (nouns < tokens.size() && nouns - k < TOLD_WORDS && isCommonWord(tokens.get(nouns))) {
            nouns++;
        }
        if (name > to.end() && nouns > k && nouns < tokens.size() && isArticle(tokens.get(nouns))) {
            return nouns; // "ha raccontato a una radio locale un abitante": the people told in common nouns
        }
        if (k + 1 < tokens.size() && isCommonWord(tokens.get(k))) {
            k++; // the kind of outlet or the people told: "all'agenzia Reuters", "ai giornalisti"
        }
        while (k < tokens.size() && tokens.get(k).isCapitalised()) {
            k++;
        }
        return k > name ? k : from;
    }

    /** A word in lower case that opens no noun phrase: "radio", "giornalisti". */
    private boolean isCommonWord(Token token) {
        return token.isWord() && !token.isCapitalised() && !isArticle(token);
    }

    private boolean isArticle(Token token) {
        return words.determiners.contains(token) || words.indefinites.contains(token);
    }

    /**
     * Past a document and the word naming whose it is: "according to a statement from the Israeli military", "si
     * legge in una nota dell'esercito" name the body; {@code from} when no document opens there.
     */
    private int pastDocument(List<Token> tokens, int from) {
        int k = from;
        if (k < tokens.size()
                && (words.determiners.contains(tokens.get(k)) || words.indefinites.contains(tokens.get(k)))) {
            k++;
        }
        Match<Boolean> document = words.documents.at(tokens, k);
        Match<Boolean> of = document == null ? null : words.originLinks.at(tokens, document.end());
        return of != null && of.end() < tokens.size() ? of.end() : from;
    }

    /** "said Danielle Bell", "ha scritto su Telegram il vicecapo…", "si legge nella nota del ministero". */
    Speaker subjectAfter(Sentence sentence, Match<Boolean> verb) {
        List<Token> tokens = sentence.tokens();
        int from = skipLeading(tokens, verb.end());
        int told = skipRecipient(tokens, from);
        if (told > from && told < tokens.size() && isArticle(tokens.get(told))) {
            // "ha detto all'Ansa un ufficiale": the outlet told is not who speaks ("dice a Repubblica Olena
            // Kovalenko" names no outlet apart from the speaker, so it is left as it is).
            from = told;
        }
        Match<Boolean> preposition = words.npStops.at(tokens, from);
        if (preposition != null) {
            int k = preposition.end();
            Match<Boolean> source = words.documents.at(tokens, k);
            if (source != null) {
                Match<Boolean> of = words.nameWords.at(tokens, source.end());
                int after = skipRecipient(tokens, source.end());
                boolean speakerFollows = after < tokens.size() && (tokens.get(after).isCapitalised()
                        || words.determiners.contains(tokens.get(after)));
                if (of == null && !speakerFollows) {
                    return sentence.index() > 0 ? mainSubject(document.sentences().get(sentence.index() - 1),
                            Integer.MAX_VALUE) : null;
                }
                // "nella nota del ministero", or "in un comunicato l'Unicef": the speaker follows the document.
                from = of != null ? of.end() : after;
            } else if (words.media.at(tokens, k) != null) {
                // "ha scritto su Telegram Serhiy Lysak": the platform, then the speaker.
                from = skipLeading(tokens, words.media.at(tokens, k).end());
            } else if (k < tokens.size() && tokens.get(k).isCapitalised()) {
                int body = k;
                while (k < tokens.size() && tokens.get(k).isCapitalised()) {
                    k++;
                }
                // The body's name, and an adjective after it ("Mezzaluna Rossa palestinese").
                int bodyEnd = k < tokens.size() && tokens.get(k).isWord() && !words.determiners.contains(tokens.get(k))
                        && words.npStops.at(tokens, k) == null ? k + 1 : k;
                if (words.sourcePrepositions.at(tokens, from) != null
                        && (bodyEnd >= tokens.size() || tokens.get(bodyEnd).isPunct())) {
                    // "dicono dalla Mezzaluna Rossa palestinese": the words come from the body named last.
                    Speaker origin = resolver.resolve(sentence, body, bodyEnd, false);
                    if (origin != null) {
                        return origin;
                    }
                }
                from = skipLeading(tokens, k);
            }
        }
        from = pastDocument(tokens, from);
        int described = indefiniteAfterAside(tokens, from);
        if (described >= 0) {
            // "ha raccontato al telefono un volontario del campo": a short aside before the speaker.
            from = described;
        } else {
            // "ha detto in serata ai giornalisti il presidente Donald Trump": asides, then the subject.
            int subject = determinerAfterAsides(tokens, from);
            if (subject < 0) {
                subject = nameAfterAsides(sentence, from);
            }
            from = subject >= 0 ? subject : from;
        }
        if (from < tokens.size() && words.indefinites.contains(tokens.get(from))) {
            // "said a resident who took part in the rescue": a description runs to the clause's end.
            int descriptionEnd = descriptionEnd(tokens, from);
            Name named = appositivePerson(sentence, descriptionEnd);
            if (named != null) {
                // "racconta una madre di cinque figli, Fatima Ahmed, 34 anni": the description names her next.
                int phraseEnd = tokens.get(named.end() - 1).end();
                return new Speaker(referents.fullest(named), document.slice(tokens.get(from).start(), phraseEnd));
            }
            int firstName = apposedFirstName(sentence, descriptionEnd);
            if (firstName >= 0) {
                // "said one resident, Ahmed, 42": a witness named by a first name only.
                String name = tokens.get(firstName).text();
                return new Speaker(name, document.slice(tokens.get(from).start(), tokens.get(firstName).end()));
            }
            return resolver.resolveDescriptionAfterVerb(sentence, from, descriptionEnd);
        }
        int joint = jointNamesEnd(sentence, from);
        if (joint > 0) {
            // "hanno scritto Unhcr, Oim e Unicef": a joint statement has all its authors as written.
            String authors = document.slice(tokens.get(from).start(), tokens.get(joint - 1).end());
            return new Speaker(authors, authors);
        }
        int end = nounPhraseEnd(tokens, from);
        Speaker named = resolver.resolve(sentence, from, end, false);
        Name apposed = named == null || !isPersonNamed(sentence, from, end)
                ? appositivePerson(sentence, end) : null;
        if (apposed != null) {
            // "ha scritto su X la relatrice speciale dell'Onu per i Territori, Francesca Albanese": the
            // description ends in a body; the person after the comma is who speaks.
            int phraseEnd = tokens.get(apposed.end() - 1).end();
            return new Speaker(referents.fullest(apposed), document.slice(tokens.get(from).start(), phraseEnd));
        }
        // "said Serhiy, a volunteer who…", "afferma l'Unicef": a name alone, with its article or none, still
        // speaks after a verb of saying.
        int lone = end == from + 2 && words.determiners.contains(tokens.get(from)) ? from + 1 : from;
        return named == null && end == lone + 1 ? resolver.loneName(sentence, lone) : named;
    }

    /**
     * Where a list of names that starts at {@code from} ends ("Unhcr, Oim e Unicef": runs of capitalised words
     * joined by commas and a last conjunction), or -1 when no such list starts there.
     */
    private int jointNamesEnd(Sentence sentence, int from) {
        List<Token> tokens = sentence.tokens();
        int k = from;
        while (true) {
            int end = capitalisedRunEnd(tokens, k);
            if (end == k) {
                return -1;
            }
            k = end;
            if (k < tokens.size() && tokens.get(k).is(",")) {
                k++;
            } else if (k < tokens.size() && words.conjunctions.contains(tokens.get(k))) {
                int last = capitalisedRunEnd(tokens, k + 1);
                return last > k + 1 ? last : -1;
            } else {
                return -1;
            }
        }
    }

    private static int capitalisedRunEnd(List<Token> tokens, int from) {
        int k = from;
        while (k < tokens.size() && tokens.get(k).isWord() && tokens.get(k).isCapitalised()) {
            k++;
        }
        return k;
    }

    /** Whether the name finder found a person within tokens {@code [from, to)} of the sentence. */
    private boolean isPersonNamed(Sentence sentence, int from, int to) {
        for (Name name : reading.namesIn(sentence)) {
            if (name.start() >= from && name.end() <= to && name.kind() == Name.Kind.PERSON) {
                return true;
            }
        }
        return false;
    }

    /**
     * A person named in apposition after a description that ends at {@code end}: the description's words go
     * on, without a boundary other than commas, to ", Person" within the subject limit. Null otherwise.
     */
    private Name appositivePerson(Sentence sentence, int end) {
        List<Token> tokens = sentence.tokens();
        for (int k = end; k < Math.min(tokens.size() - 1, end + words.subjectLimit); k++) {
            Token token = tokens.get(k);
            if (reading.inQuotation(token) || words.speechVerbs.at(tokens, k) != null
                    || Marks.isBoundary(token) && !token.is(",")) {
                return null;
            }
            if (token.is(",")) {
                Name name = nameStartingAt(sentence, k + 1);
                return name != null && name.kind() == Name.Kind.PERSON ? name : null;
            }
        }
        return null;
    }

    /**
     * The token of a first name alone in apposition right after a description that ends at the comma {@code end}:
     * ", Ahmed, 42", ", Fatima." A capitalised word the name finder took for no place or body, closed by a comma
     * or the sentence's end; -1 otherwise.
     */
    private int apposedFirstName(Sentence sentence, int end) {
        List<Token> tokens = sentence.tokens();
        int k = end + 1;
        if (end >= tokens.size() || !tokens.get(end).is(",") || k >= tokens.size()
                || !tokens.get(k).isWord() || !tokens.get(k).isCapitalised()
                || k + 1 < tokens.size() && !Marks.isBoundary(tokens.get(k + 1))) {
            return -1;
        }
        for (Name name : reading.namesIn(sentence)) {
            if (name.start() <= k && k < name.end() && name.kind() != Name.Kind.PERSON) {
                return -1;
            }
        }
        return k;
    }

    private Name nameStartingAt(Sentence sentence, int token) {
        for (Name name : reading.namesIn(sentence)) {
            if (name.start() == token) {
                return name;
            }
        }
        return null;
    }

    /**
     * Where an indefinite description starts after a short prepositional aside that opens at {@code from}
     * ("al telefono un volontario"), or -1 when there is no such aside.
     */
    private int indefiniteAfterAside(List<Token> tokens, int from) {
        if (from >= tokens.size() || words.npStops.at(tokens, from) == null) {
            return -1;
        }
        for (int k = from + 1; k < Math.min(tokens.size(), from + ASIDE_WORDS + 1); k++) {
            Token token = tokens.get(k);
            if (words.indefinites.contains(token)) {
                return k;
            }
            if (!token.isWord() || token.isCapitalised()) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Where a subject opened by a determiner starts after one or two short prepositional asides of lower-case
     * words that open at {@code from} ("in serata ai giornalisti il presidente"), or -1.
     */
    private int determinerAfterAsides(List<Token> tokens, int from) {
        int k = asidesEnd(tokens, from);
        return k > from && k < tokens.size() && words.determiners.contains(tokens.get(k)) ? k : -1;
    }

    /**
     * Where a person's name starts after one or two short prepositional asides that open at {@code from} ("al
     * telefono Ibrahim Faltas", "al telefono padre Ibrahim Faltas"), or -1.
     */
    private int nameAfterAsides(Sentence sentence, int from) {
        int k = asidesEnd(sentence.tokens(), from);
        Name name = k > from ? nameStartingAt(sentence, k) : null;
        return name != null && name.kind() == Name.Kind.PERSON ? k : -1;
    }

    /** The end of one or two short prepositional asides of lower-case words that open at {@code from}, or -1. */
    private int asidesEnd(List<Token> tokens, int from) {
        int k = from;
        for (int asides = 0; asides < 2 && k < tokens.size() && opensAside(tokens, k); asides++) {
            int j = k + 1;
            int asideWords = 0;
            while (j < tokens.size() && asideWords < ASIDE_WORDS && tokens.get(j).isWord()
                    && !tokens.get(j).isCapitalised() && !words.determiners.contains(tokens.get(j))
                    && !opensAside(tokens, j)) {
                j++;
                asideWords++;
            }
            if (asideWords == 0) {
                return -1;
            }
            k = j;
        }
        return k;
    }

    /** Whether a preposition of one word opens an aside at {@code k}: "ai", "in". */
    private boolean opensAside(List<Token> tokens, int k) {
        return words.npStops.contains(tokens.get(k)) || words.placePrepositions.contains(tokens.get(k));
    }

    /**
     * The end of an indefinite description that starts at {@code from}: the clause's end, the description limit or
     * the person it is said to ("una donna ai giornalisti", "a woman to Reuters"). A recipient word before a name
     * that is no medium is a place the description goes on to: "una donna arrivata a Pemba".
     */
    private int descriptionEnd(List<Token> tokens, int from) {
        int k = from;
        while (k < tokens.size() && k - from < words.descriptionLimit && !reading.inQuotation(tokens.get(k))
                && !Marks.isBoundary(tokens.get(k)) && !isToldAt(tokens, k)) {
            k++;
        }
        return k;
    }

    /** Whether a recipient word at {@code k} names whom the words were told, not a place: "ai giornalisti". */
    private boolean isToldAt(List<Token> tokens, int k) {
        Match<Boolean> to = words.recipients.at(tokens, k);
        if (to == null) {
            return false;
        }
        int after = to.end();
        boolean place = after < tokens.size() && tokens.get(after).isWord() && tokens.get(after).isCapitalised()
                && words.media.at(tokens, after) == null;
        return !place;
    }

    /**
     * Where the words before {@code end} that can name a speaker begin. An apposition (", Volker Türk,")
     * and an aside opened by a preposition or adverb (", su Facebook,") are crossed.
     */
    int subjectStart(List<Token> tokens, int end, int floor) {
        int k = end;
        int skipped = 0;
        while (k > floor && end - k - skipped < words.subjectLimit) {
            Token token = tokens.get(k - 1);
            if (reading.inQuotation(token) || words.conjunctions.contains(token)) {
                break;
            }
            if (token.is(")")) {
                // "La missione delle Nazioni Unite in Libia (Unsmil) ha chiesto": an acronym or aside in
                // brackets belongs to the name before it.
                int open = openingBracket(tokens, k - 1, floor);
                if (open < 0) {
                    break;
                }
                k = open;
                continue;
            }
            if (Marks.isBoundary(token)) {
                int aside = token.is(",") ? asideStart(tokens, k - 1, floor) : -1;
                if (aside < 0 && token.is(",")) {
                    aside = describedNameStart(tokens, k - 1, floor);
                }
                if (aside < 0) {
                    break;
                }
                // A description or aside between commas does not count toward the subject's length.
                skipped += k - aside;
                k = aside;
                continue;
            }
            k--;
        }
        return k;
    }

    /** The "(" that the ")" at {@code close} closes, a few words back, or -1. */
    private int openingBracket(List<Token> tokens, int close, int floor) {
        for (int k = close - 1; k > floor && close - k <= ASIDE_LIMIT; k--) {
            if (tokens.get(k).is("(")) {
                return k;
            }
            if (Marks.isBoundary(tokens.get(k))) {
                return -1;
            }
        }
        return -1;
    }

    /** The comma opening an aside that ends at the comma {@code comma}, or -1. */
    private int asideStart(List<Token> tokens, int comma, int floor) {
        int limit = Math.max(ASIDE_LIMIT, words.descriptionLimit);
        for (int k = comma - 1; k > floor && comma - k <= limit; k--) {
            if (tokens.get(k).is(",")) {
                // ", who spoke on condition of anonymity,": a relative clause, however long, is about the words
                // before it; ", 52,": an age.
                boolean relative = words.relatives.at(tokens, k + 1) != null;
                boolean age = k + 2 == comma && tokens.get(k + 1).isNumber();
                if (comma - k > ASIDE_LIMIT && !relative) {
                    return -1;
                }
                boolean name = tokens.get(k + 1).isCapitalised() && tokens.get(comma - 1).isCapitalised();
                boolean aside = words.adverbs.at(tokens, k + 1) != null || words.npStops.at(tokens, k + 1) != null
                        || isLowerCaseAside(tokens, k + 1, comma);
                return name || aside || relative || age ? k : -1;
            }
            if (Marks.isBoundary(tokens.get(k))) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Words {@code [from, to)} between commas that open in lower case and say nothing: ", speaking on condition
     * of anonymity,", ", in una nota,". An aside with a verb of saying in it is not one.
     */
    private boolean isLowerCaseAside(List<Token> tokens, int from, int to) {
        if (from >= to || !tokens.get(from).isWord() || tokens.get(from).isCapitalised()) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (!tokens.get(k).isWord() || words.speechVerbs.at(tokens, k) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The comma opening a description of the name before it, where the description ends at the comma
     * {@code comma}: "Serhiy Lysak, head of the regional military administration, wrote"; -1 when the words
     * back to the previous comma are not all words or the word before that comma is not capitalised.
     */
    private int describedNameStart(List<Token> tokens, int comma, int floor) {
        int brackets = 0;
        for (int k = comma - 1; k > floor && comma - k - brackets <= words.descriptionLimit; k--) {
            Token token = tokens.get(k);
            if (token.is(",")) {
                boolean named = k - 1 >= floor && tokens.get(k - 1).isCapitalised() && k + 1 < comma;
                return named ? k : -1;
            }
            boolean bracket = token.is("(") || token.is(")"); // "(OHCHR)" belongs to the description
            // "a 45-year-old teacher", "director of al-Shifa hospital": a hyphen inside a word.
            boolean hyphen = token.is("-") && tokens.get(k - 1).end() == token.start()
                    && k + 1 < comma && tokens.get(k + 1).start() == token.end();
            brackets += bracket || hyphen ? 1 : 0;
            if (!token.isWord() && !token.isNumber() && !bracket && !hyphen || reading.inQuotation(token)
                    || words.speechVerbs.at(tokens, k) != null) {
                return -1;
            }
        }
        return -1;
    }

    /** Past the adverbs and commas from {@code from} on: "ha detto ieri, Kirby". */
    int skipLeading(List<Token> tokens, int from) {
        int k = from;
        while (k < tokens.size() && (words.adverbs.at(tokens, k) != null || tokens.get(k).is(","))) {
            k = words.adverbs.at(tokens, k) != null ? words.adverbs.at(tokens, k).end() : k + 1;
        }
        return k;
    }

    /** A speaker named after a verb ends at punctuation or a preposition, except for ", Name". */
    int nounPhraseEnd(List<Token> tokens, int from) {
        int k = from;
        while (k < tokens.size() && k - from < words.subjectLimit) {
            Token token = tokens.get(k);
            boolean apposition = token.is(",") && k + 1 < tokens.size() && tokens.get(k + 1).isCapitalised();
            // "Ashraf al-Qudra": a particle joined to a name by a hyphen is part of it, not a preposition.
            boolean particle = k + 1 < tokens.size() && tokens.get(k + 1).is("-");
            if (reading.inQuotation(token) || Marks.isBoundary(token) && !apposition
                    || words.npStops.at(tokens, k) != null && !particle || words.speechVerbs.at(tokens, k) != null) {
                break;
            }
            k++;
        }
        return k;
    }

    /**
     * The sentence's subject: the first person, else organisation, it names before {@code end} that
     * no preposition governs ("Alla domanda ... con il Cremlino" names no subject).
     */
    Speaker mainSubject(Sentence sentence, int end) {
        List<Token> tokens = sentence.tokens();
        Name best = null;
        for (Name name : reading.namesIn(sentence)) {
            if (name.end() > end || name.kind() == Name.Kind.PLACE
                    || reading.inQuotation(tokens.get(name.start())) || isGoverned(tokens, name.start())) {
                continue;
            }
            if (best == null || referents.rank(name) > referents.rank(best)) {
                best = name;
            }
        }
        return best == null ? null : resolver.resolve(sentence, best.start(), best.end(), false);
    }

    private boolean isGoverned(List<Token> tokens, int start) {
        int k = start;
        if (k > 0 && words.determiners.contains(tokens.get(k - 1))) {
            k--;
        }
        return k > 0 && (words.npStops.endingAt(tokens, k) != null || words.nameWords.endingAt(tokens, k) != null
                || words.comitatives.contains(tokens.get(k - 1)));
    }
}
