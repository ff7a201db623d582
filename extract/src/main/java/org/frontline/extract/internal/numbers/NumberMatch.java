package org.frontline.extract.internal.numbers;

/**
 * A number read from tokens {@code [start, end)}.
 *
 * @param value       the integer value
 * @param start       first token
 * @param end         token after the last
 * @param needsPerson true for "one", "a", "una" and the like, which count only before a word for a person
 */
public record NumberMatch(long value, int start, int end, boolean needsPerson) {
}
