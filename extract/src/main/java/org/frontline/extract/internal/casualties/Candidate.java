package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.numbers.NumberMatch;

/** A number in a sentence that may count people, with what the words around it say. */
final class Candidate {

    /** The victims of a figure whose words name no people of a kind. */
    static final String UNSPECIFIED = "unspecified";
    static final String MILITARY = "military";
    /**
     * The outcome of soldiers lost: their victims are military unless named otherwise, and the figure a running
     * total unless a cue or one attack says not.
     */
    static final String LOSSES = "losses";
    static final String CAPTURED = "captured";
    /** The rule of a figure whose own words name its outcome ("Two soldiers killed", "12 morti"). */
    static final String NOMINAL = "nominal";

    final NumberMatch number;
    long count;
    /** Token after the phrase naming the people counted (or after the number when there is none). */
    int phraseEnd;
    String victims;
    String party;
    String outcome;
    /** Tokens of the words that gave the outcome, for the evidence. */
    int evidenceStart;
    int evidenceEnd;
    /** Stands alone, with no word for the people counted ("and 75 wounded", "risen to 31"). */
    boolean bare;
    /** The part of the figure before it that fell in one period ("660 dei quali nell'ultima giornata"). */
    boolean periodPart;
    boolean approximate;
    /** A range ("between 35 and 40"): its lower bound, approximate. */
    boolean range;
    boolean cumulative;
    /**
     * The name of the pattern that gave the outcome: nominal ({@link CandidateReader}), or the {@code RULE} of
     * the pattern class that tied it: active, predicate, toll, list, period-part, elided-period.
     */
    String rule = NOMINAL;

    Candidate(NumberMatch number) {
        this.number = number;
        this.count = number.value();
        this.phraseEnd = number.end();
        this.evidenceStart = number.start();
        this.evidenceEnd = number.end();
    }

    void widenEvidence(int start, int end) {
        evidenceStart = Math.min(evidenceStart, start);
        evidenceEnd = Math.max(evidenceEnd, end);
    }
}
