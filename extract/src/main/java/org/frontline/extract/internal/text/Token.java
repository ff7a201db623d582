package org.frontline.extract.internal.text;

/**
 * One word, number or punctuation mark of a text.
 *
 * @param text  the characters as written
 * @param norm  lower-cased, with typographic apostrophes made plain, for lexicon look-ups
 * @param start offset of the first character in the document text
 * @param end   offset after the last character
 * @param kind  what the token is
 * @param firsts bits of the lexicons that have a phrase starting with this token ({@link Vocabulary})
 * @param lasts  bits of the lexicons that have a phrase ending with this token
 */
public record Token(String text, String norm, int start, int end, Kind kind, long firsts, long lasts) {

    /** The classes of token the break iterator tells apart. */
    public enum Kind { WORD, NUMBER, PUNCT }

    public boolean isWord() {
        return kind == Kind.WORD;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isPunct() {
        return kind == Kind.PUNCT;
    }

    /** A clitic cut from the word before it, its apostrophe first ("'s"). */
    public boolean isClitic() {
        return norm.length() > 1 && norm.charAt(0) == '\'';
    }

    /** An elided word written onto the next one, its apostrophe last ("dell'", "l'"). */
    public boolean isElided() {
        return norm.length() > 1 && norm.charAt(norm.length() - 1) == '\'';
    }

    /** Starts with an upper-case letter. */
    public boolean isCapitalised() {
        return kind == Kind.WORD && Character.isUpperCase(text.codePointAt(0));
    }

    public boolean is(String normalised) {
        return norm.equals(normalised);
    }
}
