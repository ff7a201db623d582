package org.frontline.producer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An account of every input, per source: how many were received, published and rejected. Once
 * every send has been acknowledged, received = published + rejected for each source; an input is
 * never simply dropped. Keeps the latest rejections for display.
 */
public final class Ledger {

    private static final int KEPT_REJECTIONS = 1000;

    private final Map<String, Counts> bySource = new ConcurrentHashMap<>();
    private final Deque<Outcome.Rejected> latestRejections = new ArrayDeque<>();

    /**
     * One source's numbers.
     *
     * @param received  inputs offered
     * @param published inputs published
     * @param rejected  inputs rejected
     */
    public record Totals(long received, long published, long rejected) {
        /** Inputs received whose fate is not known yet (sends in flight). */
        public long pending() {
            return received - published - rejected;
        }

        @Override
        public String toString() {
            return "received " + received + ", published " + published + ", rejected " + rejected;
        }
    }

    private static final class Counts {
        final AtomicLong received = new AtomicLong();
        final AtomicLong published = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
    }

    void received(String source) {
        counts(source).received.incrementAndGet();
    }

    void settled(Outcome outcome) {
        if (outcome instanceof Outcome.Rejected rejected) {
            counts(outcome.source()).rejected.incrementAndGet();
            synchronized (latestRejections) {
                latestRejections.addLast(rejected);
                if (latestRejections.size() > KEPT_REJECTIONS) {
                    latestRejections.removeFirst();
                }
            }
        } else {
            counts(outcome.source()).published.incrementAndGet();
        }
    }

    private Counts counts(String source) {
        return bySource.computeIfAbsent(source, s -> new Counts());
    }

    /** The numbers of every source that received anything, by source name. */
    public Map<String, Totals> totals() {
        Map<String, Totals> totals = new TreeMap<>();
        bySource.forEach((source, c) -> totals.put(source,
                new Totals(c.received.get(), c.published.get(), c.rejected.get())));
        return totals;
    }

    /** The numbers of all sources together. */
    public Totals overall() {
        long received = 0;
        long published = 0;
        long rejected = 0;
        for (Totals t : totals().values()) {
            received += t.received();
            published += t.published();
            rejected += t.rejected();
        }
        return new Totals(received, published, rejected);
    }

    /** The latest rejections, oldest first (at most the last thousand). */
    public List<Outcome.Rejected> latestRejections() {
        synchronized (latestRejections) {
            return List.copyOf(latestRejections);
        }
    }
}
