package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.Lexicon.Frame;
import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * The {@code frame} rule: a verb whose words stand on both sides of the people counted gives the outcome,
 * "brought 303 more soldiers home", "took 20 Ukrainian soldiers prisoner", "got 115 soldiers back". The
 * frames are the language's {@code outcome-frames} list, a gap ({@code …}) where the number and people stand:
 * "brought … home = captured".
 */
final class FramePattern {

    static final String RULE = "frame";

    private final PhraseMap<List<Frame<String>>> frames;
    private final PhraseMap<Boolean> approximate;

    FramePattern(CasualtyLexicon words) {
        this.frames = words.outcomeFrames;
        this.approximate = words.approximate;
    }

    /** Ties the candidate to a frame around its number and people; false when none is there. */
    boolean bind(List<Token> tokens, Candidate candidate) {
        int start = candidate.number.start();
        Match<Boolean> approx = approximate.endingAt(tokens, start);
        Match<List<Frame<String>>> head = frames.endingAt(tokens, approx != null ? approx.start() : start);
        if (head == null) {
            return false;
        }
        for (Frame<String> frame : head.value()) {
            int end = tailEnd(tokens, candidate.phraseEnd, frame.tail());
            if (end > 0) {
                candidate.outcome = frame.value();
                candidate.rule = RULE;
                candidate.widenEvidence(head.start(), end);
                return true;
            }
        }
        return false;
    }

    /** Where the frame's words after the gap end, read from {@code from}; -1 when they are not there. */
    private static int tailEnd(List<Token> tokens, int from, List<String> tail) {
        if (from + tail.size() > tokens.size()) {
            return -1;
        }
        for (int k = 0; k < tail.size(); k++) {
            if (!tokens.get(from + k).norm().equals(tail.get(k))) {
                return -1;
            }
        }
        return from + tail.size();
    }
}
