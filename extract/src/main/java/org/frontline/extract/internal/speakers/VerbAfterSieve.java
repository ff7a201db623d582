package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.names.Name;
import org.frontline.extract.internal.quotes.Quotation;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * The {@code verb-after} sieve: a verb of saying after the quotation, within
 * {@code statements.after-verb-distance} tokens, and its subject: "“…,” he added", "«…», ha affermato
 * Kirby", "“…,” said Danielle Bell", "…?” he asked". A cue can stand for the verb ("«…»: così il ministro
 * degli Esteri Antonio Tajani"); a verb with no subject refers to a person named at the very end of the
 * sentence before, else to a speaker described at its start, else to that sentence's subject, else to the last
 * speaker.
 */
final class VerbAfterSieve implements Sieve {

    /** What ends a description in apposition other than its comma; an acronym in brackets belongs to it. */
    private static final String APPOSITION_STOPS = ".;:!?–—\"“”«»‘’„";

    private final StatementWords words;

    VerbAfterSieve(StatementWords words) {
        this.words = words;
    }

    @Override
    public String name() {
        return "verb-after";
    }

    @Override
    public Speaker find(Quotation quotation, Reading reading) {
        Reading.At at = reading.tokenAt(quotation.outerEnd());
        if (at == null || at.sentence() != reading.sentenceOf(quotation.outerEnd() - 1)
                && !continuesAfter(quotation, at, reading)) {
            return null;
        }
        List<Token> tokens = at.sentence().tokens();
        int limit = Math.min(tokens.size(), at.token() + words.afterVerbDistance);
        for (int k = at.token(); k < limit && !reading.inQuotation(tokens.get(k)); k++) {
            int apposition = appositionEnd(tokens, k, reading);
            if (apposition > k) {
                // "“…,” Marta Hurtado, a spokesperson for the Office of the UN High Commissioner, told": the
                // description of the speaker does not count toward the distance to the verb.
                limit = Math.min(tokens.size(), limit + apposition - k);
                k = apposition;
                continue;
            }
            if (words.conjunctions.contains(tokens.get(k)) && !joinsNames(tokens, k)) {
                return null;
            }
            Match<Boolean> verb = words.speechVerbs.at(tokens, k);
            if (verb == null && k <= at.token() + 1) {
                // "«…»: così il ministro degli Esteri Antonio Tajani": a cue stands for the verb.
                verb = words.quoteCues.at(tokens, k);
            }
            if (verb != null) {
                Speaker subject = reading.subjects().subject(at.sentence(), verb, at.token());
                if (subject == null) {
                    subject = introducedJustBefore(quotation, reading);
                }
                if (subject == null) {
                    subject = describedJustBefore(quotation, reading);
                }
                if (subject == null) {
                    subject = subjectJustBefore(quotation, reading);
                }
                return subject != null ? subject : reading.lastSpeaker(quotation.outerStart());
            }
        }
        return null;
    }

    /**
     * "… la rabbia del fondatore di Wck, lo chef spagnolo José Andrés. «…», ha scritto su X.": a person named
     * at the very end of the sentence just before a quotation, in its paragraph, is whom a verb with no
     * subject after it refers to. Null when that sentence does not end with a person's full name.
     */
    private Speaker introducedJustBefore(Quotation quotation, Reading reading) {
        Sentence before = reading.sentenceBeforeOpening(quotation);
        if (before == null) {
            return null;
        }
        List<Token> tokens = before.tokens();
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).isPunct()) {
            end--;
        }
        if (end == tokens.size()) {
            return null;
        }
        for (Name name : reading.namesIn(before)) {
            if (name.end() == end && name.kind() == Name.Kind.PERSON && reading.referents().isStrong(name)) {
                return new Speaker(reading.referents().fullest(name), name.text());
            }
        }
        return null;
    }

    /**
     * "Un uomo arrivato da Stepanakert con la moglie racconta di aver impiegato trenta ore. «…», dice.": a speaker
     * never named, described at the start of the sentence just before a quotation and telling something there, is
     * whom a verb with no subject after it refers to. Null when that sentence does not open so.
     */
    private Speaker describedJustBefore(Quotation quotation, Reading reading) {
        Sentence before = reading.sentenceBeforeOpening(quotation);
        if (before == null || before.tokens().isEmpty() || !words.indefinites.contains(before.tokens().get(0))) {
            return null;
        }
        List<Token> tokens = before.tokens();
        for (int k = 1; k < Math.min(tokens.size(), 1 + words.descriptionLimit); k++) {
            if (Marks.isBoundary(tokens.get(k)) || reading.inQuotation(tokens.get(k))) {
                return null;
            }
            if (words.speechVerbs.at(tokens, k) != null) {
                String description = reading.document().slice(tokens.get(0).start(), tokens.get(k - 1).end());
                return new Speaker(description, description);
            }
        }
        return null;
    }

    /**
     * "Il portavoce della Difesa, il generale Chris Olukolade, ha convocato i giornalisti. «…», ha affermato.": the
     * subject of the sentence just before a quotation, in its paragraph and with no quotation of its own, is whom a
     * verb with no subject after it refers to, before the last speaker. Null when that sentence names none.
     */
    private Speaker subjectJustBefore(Quotation quotation, Reading reading) {
        Sentence before = reading.sentenceBeforeOpening(quotation);
        if (before == null || before.tokens().stream().anyMatch(reading::inQuotation)) {
            return null;
        }
        return reading.subjects().mainSubject(before, before.tokens().size());
    }

    /**
     * The closing comma of a description in apposition that opens at the comma {@code comma} with an
     * indefinite article (", a spokesperson for the OHCHR,"), at most {@code statements.description-limit}
     * tokens on; -1 when there is none.
     */
    private int appositionEnd(List<Token> tokens, int comma, Reading reading) {
        if (!tokens.get(comma).is(",") || comma + 1 >= tokens.size()
                || !words.indefinites.contains(tokens.get(comma + 1))) {
            return -1;
        }
        int end = Math.min(tokens.size(), comma + 2 + words.descriptionLimit);
        for (int k = comma + 2; k < end; k++) {
            Token token = tokens.get(k);
            if (token.is(",")) {
                return k;
            }
            if (reading.inQuotation(token) || words.speechVerbs.at(tokens, k) != null
                    || Marks.isOneOf(token, APPOSITION_STOPS)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * A quotation that ends in a question or exclamation mark ends its sentence for ICU (UAX #29 breaks
     * after "?”" whatever follows), but the sentence goes on when the next one starts in lower case in
     * the same paragraph: "…why did you keep bombarding Mariupol?” he asked".
     */
    private boolean continuesAfter(Quotation quotation, Reading.At at, Reading reading) {
        Sentence last = reading.sentenceOf(quotation.outerEnd() - 1);
        Token first = at.sentence().tokens().get(0);
        return last != null && at.token() == 0 && at.sentenceIndex() == last.index() + 1
                && at.sentence().paragraph() == last.paragraph()
                && first.isWord() && Character.isLowerCase(first.text().codePointAt(0));
    }

    /** A conjunction between two capitalised words joins names ("UNHCR, IOM and UNICEF said"), not clauses. */
    private static boolean joinsNames(List<Token> tokens, int k) {
        return k > 0 && k + 1 < tokens.size() && tokens.get(k - 1).isCapitalised()
                && tokens.get(k + 1).isCapitalised();
    }
}
