package org.frontline.launcher.bench;

/** The benchmark could not complete: a process failed, the pipeline did not catch up, a count was wrong. */
public final class BenchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
