package org.frontline.schemas.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Test articles as feeds, for the feed source's tests and the pipeline's: {@code war-news.rss} (four items: an
 * English and an Italian article, one without a body, and one repeating an earlier guid), {@code war-news.atom}
 * (two articles) and {@code malformed.rss} (not well-formed XML).
 */
public final class TestFeeds {

    private static final String FOLDER = "/org/frontline/schemas/testing/feeds/";

    private TestFeeds() {
    }

    /** The feed named {@code name}, or null when there is none of that name. */
    public static byte[] read(String name) {
        try (InputStream in = TestFeeds.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
