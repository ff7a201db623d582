package org.frontline.producer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable article ids: the same article always gets the same id, so republishing it replaces it.
 *
 * <p>An id is the first 16 hex digits of the SHA-256 of the article's identity: its URL, or for a
 * file its path relative to the directory given, or, for an article with neither, its normalised
 * text (Unicode NFKC, lower case, runs of white space as one space). A corrected version of a file
 * or of a URL keeps its id; identical text from two anonymous sources gets one id.
 */
public final class ArticleIds {

    private ArticleIds() {
    }

    /** Id of the article at {@code url}. */
    public static String forUrl(String url) {
        return hash("url:" + url.strip());
    }

    /** Id of the article in a file, named by its path relative to the directory it was found in. */
    public static String forFile(String relativePath) {
        return hash("file:" + relativePath.replace('\\', '/'));
    }

    /** Id of an article known only by its text. */
    public static String forText(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        return hash("text:" + normal);
    }

    private static String hash(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
