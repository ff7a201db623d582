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
 */
public record CasualtyFigure(long count, String outcome, String victims, String party,
                             boolean cumulative, boolean approximate, String location, String evidence) {
}
