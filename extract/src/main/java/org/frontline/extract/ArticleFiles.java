package org.frontline.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads articles in the crawler's file format (GUIDELINES.md, "Articles"): an optional
 * leading {@code " date YYYY-MM[-DD] "} prefix that carries the publication date, then
 * paragraphs separated by blank lines, the first of which is the title when it reads as one.
 */
public final class ArticleFiles {

    private static final Pattern DATE_LINE = Pattern.compile("^ date (\\d{4}-\\d{2}(?:-\\d{2})?) ");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final int MAX_TITLE_LENGTH = 160;

    private ArticleFiles() {
    }

    /** Splits one raw article into title, body and publication date. */
    public static ArticleText parse(String raw) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        String published = null;
        Matcher date = DATE_LINE.matcher(text);
        if (date.find()) {
            published = date.group(1);
            text = text.substring(date.end());
        }
        text = text.strip();
        Matcher paragraphBreak = PARAGRAPH_BREAK.matcher(text);
        if (paragraphBreak.find()) {
            String first = text.substring(0, paragraphBreak.start()).strip();
            if (isHeadline(first)) {
                return new ArticleText(first, text.substring(paragraphBreak.end()).strip(), published);
            }
        }
        return new ArticleText(null, text, published);
    }

    /** A headline is one short line that does not end like a sentence. */
    static boolean isHeadline(String paragraph) {
        if (paragraph.isEmpty() || paragraph.length() > MAX_TITLE_LENGTH || paragraph.indexOf('\n') >= 0) {
            return false;
        }
        char last = paragraph.charAt(paragraph.length() - 1);
        return last != '.' && last != ';' && last != ',';
    }
}
