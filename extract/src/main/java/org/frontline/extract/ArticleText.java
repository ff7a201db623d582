package org.frontline.extract;

/**
 * The text of one article as the extractor sees it.
 *
 * @param title     the headline, or null when the article has none
 * @param body      the text after the title
 * @param published the publication date ({@code YYYY-MM} or {@code YYYY-MM-DD}), or null
 */
public record ArticleText(String title, String body, String published) {

    /** The title and the body as one text, the title as its first paragraph. */
    public String fullText() {
        return title == null || title.isBlank() ? body : title + "\n\n" + body;
    }
}
