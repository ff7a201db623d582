package org.frontline.extract.internal.speakers;

/**
 * Who a quotation is attributed to.
 *
 * @param name  the fullest name the article gives, or the description when it never names the speaker
 * @param alias how this attribution named the speaker, when different from {@code name}
 */
record Speaker(String name, String alias) {
}
