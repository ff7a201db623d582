package org.frontline.producer;

/**
 * An article offered with its parts already separated (a JSON line, an HTTP request, a feed item).
 *
 * @param title     the headline, or null
 * @param body      the text; required
 * @param published the publication date, {@code YYYY-MM} or {@code YYYY-MM-DD}, or null
 * @param url       the article's URL, its identity when given, or null
 * @param outlet    who published it (a newspaper, an agency), or null
 */
public record ArticleFields(String title, String body, String published, String url, String outlet) {

    /** Fields without an outlet. */
    public ArticleFields(String title, String body, String published, String url) {
        this(title, body, published, url, null);
    }
}
