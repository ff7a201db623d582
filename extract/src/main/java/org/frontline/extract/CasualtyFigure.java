package org.frontline.extract;

/**
 * One casualty figure, with the field names of the gold format in GUIDELINES.md.
 *
 * @param count       the number of people
 * @param outcome     killed, injured, losses, missing or captured
 * @param victims     military, civilians or unspecified
 * @param party       ISO 3166-1 alpha-2 code of the side whose people are counted, or null
 * @param cumulative  a running total over a period rather than one event or one day
 * @param approximate qualified by "at least", "more than", "circa" and the like
 * @param location    where the casualties occurred, as the article names it, or null
 * @param evidence    a short exact substring of the text that states the figure
 * @param rule        the name of the casualty pattern that read the figure (see docs/extraction.md)
 * @param start       offset of the evidence's first character in the article's full text (title, a blank
 *                    line, body: {@link ArticleText#fullText()})
 * @param end         offset after the evidence's last character
 */
public record CasualtyFigure(long count, String outcome, String victims, String party,
                             boolean cumulative, boolean approximate, String location, String evidence,
                             String rule, int start, int end) {
}
