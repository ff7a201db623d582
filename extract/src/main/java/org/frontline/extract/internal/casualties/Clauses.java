package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.text.Token;

import java.util.List;

/**
 * Where a clause starts and ends, told by its marks: in "Six people were killed, the governor said", the clause of
 * "Six" ends at the comma. The patterns, filters and cues of the casualty rules look inside a number's clause.
 */
final class Clauses {

    private static final String CLAUSE_BREAKS = ",;:()—–";

    private Clauses() {
    }

    /** The first token of the clause holding token {@code before - 1}: after the last break before it, or 0. */
    static int clauseStart(List<Token> tokens, int before) {
        for (int k = before - 1; k >= 0; k--) {
            if (isMark(tokens.get(k), CLAUSE_BREAKS)) {
                return k + 1;
            }
        }
        return 0;
    }

    /** The first break at or after {@code after}, or the sentence's end. */
    static int clauseEnd(List<Token> tokens, int after) {
        for (int k = after; k < tokens.size(); k++) {
            if (isMark(tokens.get(k), CLAUSE_BREAKS)) {
                return k;
            }
        }
        return tokens.size();
    }

    /** Whether the token is one of the one-character marks, told without hashing the token's text. */
    static boolean isMark(Token token, String marks) {
        String text = token.text();
        return text.length() == 1 && marks.indexOf(text.charAt(0)) >= 0;
    }

    /** Whether a token in {@code [from, to)} is the mark. */
    static boolean containsMark(List<Token> tokens, int from, int to, String mark) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).is(mark)) {
                return true;
            }
        }
        return false;
    }
}
