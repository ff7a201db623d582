package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.quotes.Quotation;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * The {@code verb-or-colon-before} sieve: a verb of saying before the quotation in its sentence, and its
 * subject ("Peskov warned that … “…”", "ha dichiarato di aver accolto “…”"), else a source that opens the
 * sentence ("Per il capo dell'amministrazione militare, Oleh Synehubov, …"), else a colon after the speaker
 * ("Stoltenberg: “…”").
 */
final class VerbOrColonBeforeSieve implements Sieve {

    private final StatementWords words;

    VerbOrColonBeforeSieve(StatementWords words) {
        this.words = words;
    }

    @Override
    public String name() {
        return "verb-or-colon-before";
    }

    @Override
    public Speaker find(Quotation quotation, Reading reading) {
        Reading.At at = reading.tokenAt(quotation.outerStart());
        if (at == null) {
            return null;
        }
        Sentence sentence = at.sentence();
        List<Token> tokens = sentence.tokens();
        int end = at.token();
        if (end > 0 && tokens.get(end - 1).start() >= quotation.outerStart()) {
            end--;
        }
        boolean anyVerb = false;
        for (int k = end - 1; k >= 0; k--) {
            Match<Boolean> verb = words.speechVerbs.endingAt(tokens, k + 1);
            if (verb == null || reading.inQuotation(tokens.get(k))) {
                continue;
            }
            anyVerb = true;
            Speaker subject = reading.subjects().subjectBefore(sentence, verb, 0);
            if (subject == null && !isAside(tokens, verb)) {
                subject = reading.subjects().subjectAfter(sentence, verb);
            }
            if (subject != null) {
                return subject;
            }
            k = verb.start();
        }
        if (anyVerb) {
            Speaker main = reading.subjects().mainSubject(sentence, end);
            return main != null ? main : reading.lastSpeaker(quotation.outerStart());
        }
        Match<Boolean> opener = words.sourceOpeners.at(tokens, 0);
        if (opener != null && opener.end() < end) {
            // "Per il capo dell'amministrazione militare, Oleh Synehubov, i russi hanno scelto «…»": the
            // source named at the sentence's head, up to its comma or the quotation, holds the words.
            int sourceEnd = opener.end();
            while (sourceEnd < end && !tokens.get(sourceEnd).is(",")) {
                sourceEnd++;
            }
            int close = sourceEnd < end ? closingApposition(tokens, sourceEnd, end) : sourceEnd;
            Speaker source = reading.resolver().resolve(sentence, opener.end(), close, false);
            if (source != null) {
                return source;
            }
        }
        if (end == 0 || !tokens.get(end - 1).is(":")) {
            return null;
        }
        // "Stoltenberg: “…”"; else the sentence's subject ("Zelensky ha poi attribuito le difficoltà …: “…”").
        int start = reading.subjects().subjectStart(tokens, end - 1, 0);
        Speaker named = reading.resolver().resolve(sentence, start, subjectEnd(tokens, start, end - 1), true);
        return named != null ? named : reading.subjects().mainSubject(sentence, end - 1);
    }

    /**
     * Where the subject before a colon ends when a verb follows it ("Il presidente ucraino ha ringraziato gli
     * alleati: «…»" is said by "Il presidente ucraino", not by the clause): at an auxiliary after the subject's
     * first two words that a word in lower case follows; {@code colon} when there is none.
     */
    private int subjectEnd(List<Token> tokens, int start, int colon) {
        for (int k = start + 2; k + 1 < colon; k++) {
            Match<Boolean> auxiliary = words.speechAuxiliaries.at(tokens, k);
            if (auxiliary != null && auxiliary.end() < colon && tokens.get(auxiliary.end()).isWord()
                    && !tokens.get(auxiliary.end()).isCapitalised()) {
                return k;
            }
        }
        return colon;
    }

    /** Where a name in apposition after the comma at {@code comma} ends (", Oleh Synehubov,"), or {@code comma}. */
    private int closingApposition(List<Token> tokens, int comma, int end) {
        int k = comma + 1;
        while (k < end && tokens.get(k).isCapitalised()) {
            k++;
        }
        return k > comma + 1 && k < end && tokens.get(k).is(",") ? k : comma;
    }

    /** ", scrive il Guardian,": a source named in passing, not the speaker of what follows. */
    private boolean isAside(List<Token> tokens, Match<Boolean> verb) {
        int start = verb.start();
        while (start > 0 && words.speechAuxiliaries.endingAt(tokens, start) != null) {
            start = words.speechAuxiliaries.endingAt(tokens, start).start();
        }
        return start > 0 && tokens.get(start - 1).is(",");
    }
}
