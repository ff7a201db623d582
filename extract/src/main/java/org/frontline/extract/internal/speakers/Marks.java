package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.text.Token;

/**
 * Punctuation the statement rules read: the marks that end the words that can name a speaker ("said Kirby,
 * who…"), and the dashes that set an attribution apart inside a quotation ("“… – said Stoltenberg – …”").
 */
final class Marks {

    /** Marks that end the words that can name a speaker, each a token of its own: "said Kirby, who…". */
    private static final String BOUNDARIES = ".,;:!?()–—\"“”«»‘’„";

    /** Marks that set an attribution apart inside a quotation: hyphen, en dash, em dash. */
    static final String DASHES = "-\u2013\u2014";

    private Marks() {
    }

    /** Whether the token is one of the {@link #BOUNDARIES}. */
    static boolean isBoundary(Token token) {
        return isOneOf(token, BOUNDARIES);
    }

    /** Whether the token is one of the {@link #DASHES}. */
    static boolean isDash(Token token) {
        return isOneOf(token, DASHES);
    }

    /** Whether the token is one of the marks, without hashing its text. */
    static boolean isOneOf(Token token, String marks) {
        String text = token.text();
        return text.length() == 1 && marks.indexOf(text.charAt(0)) >= 0;
    }
}
