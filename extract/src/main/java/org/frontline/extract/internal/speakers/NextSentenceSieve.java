package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.quotes.Quotation;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * The {@code next-sentence} sieve: the sentence after the quotation, in its paragraph, opens with a cue and
 * names the speaker: "Lo ha detto il portavoce…", "Thus the NATO secretary general…", "Con queste parole il
 * segretario…".
 */
final class NextSentenceSieve implements Sieve {

    private final StatementWords words;

    NextSentenceSieve(StatementWords words) {
        this.words = words;
    }

    @Override
    public String name() {
        return "next-sentence";
    }

    @Override
    public Speaker find(Quotation quotation, Reading reading) {
        Sentence last = reading.sentenceOf(quotation.end() - 1);
        Reading.At after = reading.tokenAt(quotation.outerEnd());
        boolean endsSentence = after == null || after.sentence() != last
                || after.token() >= last.tokens().size() - 1
                && last.tokens().get(last.tokens().size() - 1).isPunct();
        if (last == null || !endsSentence || last.index() + 1 >= reading.document().sentences().size()) {
            return null;
        }
        Sentence next = reading.document().sentences().get(last.index() + 1);
        List<Token> tokens = next.tokens();
        Match<Boolean> cue = words.quoteCues.at(tokens, 0);
        if (next.paragraph() != last.paragraph() || cue == null) {
            return null;
        }
        Match<Boolean> verb = words.speechVerbs.find(tokens, cue.end(), Math.min(tokens.size(), cue.end() + 2));
        int from = reading.subjects().skipLeading(tokens, verb != null ? verb.end() : cue.end());
        int end = reading.subjects().nounPhraseEnd(tokens, from);
        Speaker named = reading.resolver().resolve(next, from, end, false);
        // "«…». Lo racconta Maria, infermiera di Kharkiv": a first name alone, said once, still speaks.
        return named == null && end == from + 1 ? reading.resolver().loneName(next, from) : named;
    }
}
