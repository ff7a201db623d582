package org.frontline.extract;

import java.util.List;

/**
 * One direct quotation attributed to a speaker.
 *
 * @param speaker the fullest name the article gives the speaker, or its description when never named
 * @param aliases other ways the article names the same speaker
 * @param quote   the exact text between the quotation marks, trimmed
 * @param sieve   the name of the attribution sieve that found the speaker (see docs/extraction.md)
 * @param start   offset of the quote's first character in the article's full text ({@link ArticleText#fullText()})
 * @param end     offset after the quote's last character
 */
public record Statement(String speaker, List<String> aliases, String quote, String sieve, int start, int end) {
    public Statement {
        aliases = List.copyOf(aliases);
    }
}
