package org.frontline.launcher.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.KafkaFuture;

/** The benchmark could not complete: a process failed, the pipeline did not catch up, a count was wrong. */
public final class BenchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The future's value within 60 s; else a BenchException that says what was being done. */
    static <T> T await(KafkaFuture<T> future, String doing) throws InterruptedException {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new BenchException(doing + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new BenchException(doing + ": the cluster did not answer in 60 s", e);
        }
    }
}
