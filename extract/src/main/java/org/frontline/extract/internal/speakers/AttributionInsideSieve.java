package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.quotes.Offsets;
import org.frontline.extract.internal.quotes.Quotation;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * The {@code attribution-inside} sieve: an attribution set between dashes inside the quotation, "“… – said
 * Stoltenberg – …”", "“… – he said – …”". The dashes are looked up among the article's dash characters,
 * which is cheaper than reading the quotation's tokens; a dash token is the token that starts at its dash.
 */
final class AttributionInsideSieve implements Sieve {

    private final StatementWords words;

    AttributionInsideSieve(StatementWords words) {
        this.words = words;
    }

    @Override
    public String name() {
        return "attribution-inside";
    }

    @Override
    public Speaker find(Quotation quotation, Reading reading) {
        Reading.At at = reading.tokenAt(quotation.start());
        if (at == null) {
            return null;
        }
        int[] dashes = reading.dashes();
        for (int d = Offsets.firstAtOrAfter(dashes, quotation.start());
                d < dashes.length && dashes[d] < quotation.end(); d++) {
            int offset = dashes[d];
            Sentence sentence = reading.sentenceOf(offset);
            int k = sentence == null ? 0 : sentence.tokenAt(offset);
            if (sentence == null || k >= sentence.tokens().size() || sentence.tokens().get(k).start() != offset
                    || !Marks.isDash(sentence.tokens().get(k))) {
                continue;
            }
            List<Token> tokens = sentence.tokens();
            int close = k + 1;
            while (close < tokens.size() && !Marks.isDash(tokens.get(close))
                    && tokens.get(close).end() <= quotation.end() && close - k <= words.afterVerbDistance) {
                close++;
            }
            Match<Boolean> verb = words.speechVerbs.find(tokens, k + 1, close);
            if (verb != null) {
                Speaker speaker = resolveAround(sentence, k + 1, close, verb, reading);
                return speaker != null ? speaker : reading.lastSpeaker(quotation.start());
            }
        }
        return null;
    }

    /** A speaker from a verb and the words next to it inside dashes ("– said Stoltenberg –"). */
    private Speaker resolveAround(Sentence sentence, int from, int to, Match<Boolean> verb, Reading reading) {
        List<Token> tokens = sentence.tokens();
        int end = verb.start();
        while (end > from && words.speechAuxiliaries.endingAt(tokens, end) != null) {
            end = words.speechAuxiliaries.endingAt(tokens, end).start();
        }
        Speaker before = from < end ? reading.resolver().resolve(sentence, from, end, false) : null;
        if (before == null && end == from + 1) {
            before = reading.resolver().loneName(sentence, from);
        }
        int after = reading.subjects().skipLeading(tokens, verb.end());
        Speaker named = before != null ? before : reading.resolver().resolve(sentence, after, to, false);
        return named == null && to == after + 1 ? reading.resolver().loneName(sentence, after) : named;
    }
}
