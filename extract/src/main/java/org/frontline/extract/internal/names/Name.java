package org.frontline.extract.internal.names;

/**
 * A capitalised name in a document.
 *
 * @param text     the name as written
 * @param kind     what it names
 * @param sentence index of the sentence it is in
 * @param start    its first token in that sentence
 * @param end      the token after its last
 */
public record Name(String text, Kind kind, int sentence, int start, int end) {

    /** What a name names. */
    public enum Kind { PERSON, ORGANISATION, PLACE }

    /** The last word, by which a person is mentioned again ("Stoltenberg"). */
    public String lastWord() {
        int space = text.lastIndexOf(' ');
        return space < 0 ? text : text.substring(space + 1);
    }
}
