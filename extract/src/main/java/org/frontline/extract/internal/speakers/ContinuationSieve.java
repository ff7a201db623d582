package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.quotes.Quotation;
import org.frontline.extract.internal.text.Sentence;

/**
 * The {@code continuation} sieve, tried last: a quotation that no other sieve attributes and that continues
 * the quotation attributed just before it, in the same paragraph or opening the next one, takes that
 * quotation's speaker: in "“We will rebuild every town and every school,” Zelensky said in Kyiv." and a
 * next paragraph "“Not one metre of our land will be given up.”", both quotations are Zelensky's.
 */
final class ContinuationSieve implements Sieve {

    @Override
    public String name() {
        return "continuation";
    }

    @Override
    public Speaker find(Quotation quotation, Reading reading) {
        Quotation previousQuote = reading.previousQuotation();
        return previousQuote != null && continues(previousQuote, quotation, reading)
                ? reading.previousSpeaker() : null;
    }

    /** A quotation that opens its paragraph or follows the last one in the same paragraph. */
    private boolean continues(Quotation previousQuote, Quotation quotation, Reading reading) {
        Sentence previous = reading.sentenceOf(previousQuote.start());
        Sentence current = reading.sentenceOf(quotation.start());
        if (previous == null || current == null) {
            return false;
        }
        if (previous.paragraph() == current.paragraph()) {
            return true;
        }
        int paragraphStart = reading.document().paragraphs().get(current.paragraph())[0];
        return current.paragraph() == previous.paragraph() + 1 && quotation.outerStart() == paragraphStart;
    }
}
