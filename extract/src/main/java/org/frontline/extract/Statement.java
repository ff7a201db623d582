package org.frontline.extract;

import java.util.List;

/**
 * One direct quotation attributed to a speaker.
 *
 * @param speaker the fullest name the article gives the speaker, or its description when never named
 * @param aliases other ways the article names the same speaker
 * @param quote   the exact text between the quotation marks, trimmed
 */
public record Statement(String speaker, List<String> aliases, String quote) {
    public Statement {
        aliases = List.copyOf(aliases);
    }
}
