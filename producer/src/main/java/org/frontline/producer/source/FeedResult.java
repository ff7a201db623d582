package org.frontline.producer.source;

import java.net.URI;
import java.time.Instant;

/**
 * What one poll of one feed came to.
 *
 * @param feed        the feed's URL
 * @param polledAt    when the poll started
 * @param status      the HTTP status of the last response, or 0 when there was none
 * @param notModified true when the feed had not changed (a 304, or the same bytes as last time)
 * @param seen        items in the feed document, duplicates included
 * @param fresh       items not offered before, each offered once
 * @param published   items published
 * @param rejected    inputs rejected: items, or the whole document when it could not be parsed
 * @param error       why the feed gave no items (unreachable, an HTTP error, a malformed document), or null
 */
public record FeedResult(URI feed, Instant polledAt, int status, boolean notModified, int seen, int fresh,
        int published, int rejected, String error) {

    static FeedResult failed(URI feed, Instant polledAt, int status, String error) {
        return new FeedResult(feed, polledAt, status, false, 0, 0, 0, 0, error);
    }

    static FeedResult unchanged(URI feed, Instant polledAt, int status) {
        return new FeedResult(feed, polledAt, status, true, 0, 0, 0, 0, null);
    }

    /** True when the poll did not yield a feed document. */
    public boolean failed() {
        return error != null;
    }

    /** One line for a log or a console. */
    public String summary() {
        if (failed()) {
            return feed + ": " + error;
        }
        if (notModified) {
            return feed + ": not modified";
        }
        return feed + ": HTTP " + status + ", " + seen + " items, " + fresh + " new, published " + published
                + ", rejected " + rejected;
    }
}
