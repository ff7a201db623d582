package org.frontline.streams.query;

/**
 * The application cannot answer completely right now: it is rebalancing or restoring state, or the
 * instance that owns the data cannot be reached. Callers should retry shortly.
 */
public final class NotReadyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotReadyException(String message) {
        super(message);
    }

    public NotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
