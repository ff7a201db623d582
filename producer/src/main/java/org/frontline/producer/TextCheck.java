package org.frontline.producer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides whether bytes offered as an article are text Frontline can publish, and says why not.
 * Every source runs its input through this one check, so the same input gets the same verdict
 * whichever way it arrives.
 */
public final class TextCheck {

    /** Default largest article, in bytes: 1 MiB. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private final int maxBytes;

    public TextCheck(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the size limit must be positive, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The largest input accepted, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /** The text, or the reason it cannot be published. */
    public Verdict check(byte[] bytes) {
        if (bytes.length > maxBytes) {
            return Verdict.rejected("larger than the limit: " + bytes.length + " bytes, limit " + maxBytes);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Verdict.rejected("not UTF-8 text: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return Verdict.rejected(text.isEmpty() ? "empty" : "only white space");
        }
        long control = text.chars().filter(c -> Character.isISOControl(c) && !Character.isWhitespace(c)).count();
        if (control > 0) {
            return Verdict.rejected("binary data: " + control + " control characters");
        }
        return Verdict.text(text);
    }

    /**
     * The outcome of a check: {@code text} when it passed, else {@code reason}.
     *
     * @param text   the decoded text, or null
     * @param reason why it was rejected, or null
     */
    public record Verdict(String text, String reason) {
        static Verdict text(String text) {
            return new Verdict(text, null);
        }

        static Verdict rejected(String reason) {
            return new Verdict(null, reason);
        }

        public boolean accepted() {
            return text != null;
        }
    }
}
