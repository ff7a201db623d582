package org.frontline.launcher.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.Outcome;
import org.frontline.schemas.ClusterAccess;
import org.frontline.schemas.TopicNames;


/** What the long-running and cluster-only commands share. */
final class Commands {

    private Commands() {
    }

    /** The properties, when they name a cluster; else a usage error. */
    static Properties requireCluster(Properties props) {
        if (props.getProperty("bootstrap.servers", "").isBlank()) {
            throw new IllegalArgumentException("no Kafka cluster given: use --bootstrap-servers, "
                    + "KAFKA_BOOTSTRAP_SERVERS or bootstrap.servers in --config "
                    + "(only `frontline run` starts a broker of its own)");
        }
        return props;
    }

    /**
     * Creates the topics when missing, then makes sure this client may write where a publisher writes, before
     * a single record is sent: without the permission the command stops with one line saying which.
     */
    static void preparePublishing(Properties props, TopicNames names, int partitions) {
        ArticlePublisher.ensureTopics(props, names, partitions, (short) -1);
        ClusterAccess.requireWrite(props, List.of(names.raw(), names.rejected()));
    }

    /**
     * Blocks until the process is asked to stop (SIGINT, SIGTERM) or this thread is interrupted,
     * then runs {@code stop} before the JVM goes on exiting.
     */
    static void runUntilStopped(Runnable stop) throws Exception {
        runUntilStopped(FOREVER, stop);
    }

    /** Something to wait for besides a request to stop, such as a failure. */
    @FunctionalInterface
    interface Wait {
        void await() throws InterruptedException;
    }

    /** Waits for nothing but a request to stop. */
    static final Wait FOREVER = () -> new CountDownLatch(1).await();

    /** As {@link #runUntilStopped(Runnable)}, and also returns, after {@code stop}, when {@code until} returns. */
    static void runUntilStopped(Wait until, Runnable stop) throws Exception {
        interruptedOnStop(() -> {
            try {
                until.await();
            } catch (InterruptedException asked) {
                // Asked to stop: fall through to the orderly stop below.
            } finally {
                stop.run();
            }
            return null;
        });
    }

    /**
     * Runs {@code work} on this thread; if the JVM is asked to stop meanwhile, interrupts it and waits
     * (up to 60 s) for it to close what it opened, so a broker or a transaction is not cut off.
     */
    static <T> T interruptedOnStop(Callable<T> work) throws Exception {
        Thread worker = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "frontline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.call();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException stopping) {
                // The JVM is already stopping: the hook is running and has just been released.
            }
        }
    }

    /** Prints one line per rejected input: where it came from and why. */
    static void printRejections(PrintWriter console, Collection<? extends Outcome> outcomes) {
        outcomes.stream().filter(Outcome.Rejected.class::isInstance).map(Outcome.Rejected.class::cast)
                .forEach(r -> console.println("rejected " + r.origin() + ": " + r.reason()));
    }
}
