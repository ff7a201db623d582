package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.quotes.Quotation;

/**
 * The {@code interview-answer} sieve: in an article made of questions and answers, a quotation that opens
 * an answer is the interviewee's, whatever label ("A:", "R:") or name stands nearer ("D: Cosa chiede
 * all'Occidente? R: «Più armi, e subito»" is the interviewee's). Which paragraphs are answers and who is
 * interviewed, {@link InterviewAnswers} works out once per article.
 */
final class InterviewAnswerSieve implements Sieve {

    @Override
    public String name() {
        return "interview-answer";
    }

    @Override
    public Speaker find(Quotation quotation, Reading reading) {
        return reading.interview().answerer(quotation);
    }
}
