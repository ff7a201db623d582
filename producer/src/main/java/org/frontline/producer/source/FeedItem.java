package org.frontline.producer.source;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;

import org.frontline.producer.ArticleFields;

/**
 * One feed entry as Frontline offers it.
 *
 * @param key    what identifies the item across polls: its guid (Atom id), else its link, else a digest of
 *               its title and body
 * @param origin where it came from, for a rejection: its link, else the feed URL and the key or position
 * @param fields the article's parts, markup stripped
 * @param raw    a compact rendition (title, link and body as UTF-8), for the size check and the rejection
 */
record FeedItem(String key, String origin, ArticleFields fields, byte[] raw) {

    /** The item's parts, from the entry of the feed at {@code feedUrl}; {@code index} is its position. */
    static FeedItem of(SyndEntry entry, URI feedUrl, int index) {
        String title = FeedText.inline(entry.getTitle());
        String link = link(feedUrl, entry.getLink());
        String body = body(entry);
        String published = date(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate());
        String guid = blankToNull(entry.getUri());
        String key = guid != null ? guid : link != null ? link
                : "sha256:" + sha256((nullToEmpty(title) + "\n" + body).getBytes(StandardCharsets.UTF_8));
        String origin = link != null ? link : feedUrl + "#" + (guid != null ? guid : "item-" + (index + 1));
        byte[] raw = (nullToEmpty(title) + "\n" + nullToEmpty(link) + "\n\n" + body).getBytes(StandardCharsets.UTF_8);
        return new FeedItem(key, origin, new ArticleFields(title, body, published, link), raw);
    }

    /** The body: the full content (content:encoded, Atom content) when it has text, else the description. */
    static String body(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            String text = text(content);
            if (!text.isEmpty()) {
                return text;
            }
        }
        return text(entry.getDescription());
    }

    /** A content's text: markup stripped unless it is declared plain text. */
    static String text(SyndContent content) {
        if (content == null || content.getValue() == null) {
            return "";
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        return type.equals("text") || type.equals("text/plain")
                ? FeedText.fromPlain(content.getValue()) : FeedText.fromHtml(content.getValue());
    }

    /** A date as {@code YYYY-MM-DD} in UTC, or null when there is none or it is beyond four-digit years. */
    static String date(Date date) {
        if (date == null) {
            return null;
        }
        ZonedDateTime utc = date.toInstant().atZone(ZoneOffset.UTC);
        if (utc.getYear() < 1 || utc.getYear() > 9999) {
            return null;
        }
        return DateTimeFormatter.ISO_LOCAL_DATE.format(utc);
    }

    /** The link made absolute against the feed's URL, as feeds sometimes give it relative. */
    private static String link(URI feedUrl, String link) {
        String value = blankToNull(link);
        if (value == null) {
            return null;
        }
        try {
            return feedUrl.resolve(value).toString();
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** The SHA-256 digest of some bytes, in hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
