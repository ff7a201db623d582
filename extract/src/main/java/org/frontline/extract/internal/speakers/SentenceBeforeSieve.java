package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.quotes.Quotation;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * The {@code sentence-before} sieve: a quotation that is a sentence of its own belongs to whoever speaks in
 * the sentence just before it in its paragraph, outside quotation marks: "Zelensky ha parlato ieri ai
 * giornalisti. «La Russia vuole…»."
 */
final class SentenceBeforeSieve implements Sieve {

    private final StatementWords words;

    SentenceBeforeSieve(StatementWords words) {
        this.words = words;
    }

    @Override
    public String name() {
        return "sentence-before";
    }

    @Override
    public Speaker find(Quotation quotation, Reading reading) {
        Sentence before = reading.sentenceBeforeOpening(quotation);
        Sentence last = reading.sentenceOf(quotation.end() - 1);
        if (before == null || last == null) {
            return null;
        }
        Reading.At after = reading.tokenAt(quotation.outerEnd());
        boolean whole = after == null || after.sentence() != last || after.token() >= last.tokens().size() - 1;
        if (!whole) {
            return null;
        }
        List<Token> tokens = before.tokens();
        for (int k = 0; k < tokens.size(); k++) {
            Match<Boolean> verb = reading.inQuotation(tokens.get(k)) ? null : words.speechVerbs.at(tokens, k);
            if (verb != null) {
                return reading.subjects().subject(before, verb, 0);
            }
        }
        return null;
    }
}
