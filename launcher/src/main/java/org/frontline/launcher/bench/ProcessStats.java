package org.frontline.launcher.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a process tells the benchmark that started it, in a small properties file rewritten every half
 * second and once more on {@link #close()}: its state (the Kafka Streams state, say) and its heap.
 *
 * <ul>
 *   <li>{@code peak_heap_bytes}: the most heap ever in use, from every collection's before-GC figures (the
 *       heap is fullest just before a collection) and from the samples;</li>
 *   <li>{@code peak_heap_after_gc_bytes}: the most heap in use just after a collection: about the live
 *       data, which is what a smaller {@code -Xmx} has to hold;</li>
 *   <li>{@code heap_max_bytes}: the heap limit ({@code -Xmx}).</li>
 * </ul>
 *
 * The file is written aside and renamed, so a reader never sees half of it.
 */
public final class ProcessStats implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessStats.class);
    private static final long INTERVAL_MS = 500;

    private final Path file;
    private final Supplier<String> state;
    private final ScheduledExecutorService timer;
    private final Set<String> heapPools = new HashSet<>();
    private long peak;
    private long peakAfterGc;

    private ProcessStats(Path file, Supplier<String> state) {
        this.file = file;
        this.state = state;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "frontline-stats");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts writing {@code file} with the state {@code state} gives. */
    public static ProcessStats start(Path file, Supplier<String> state) {
        ProcessStats stats = new ProcessStats(file.toAbsolutePath(), state);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                stats.heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> stats.collected(notification), null,
                        null);
            }
        }
        stats.timer.scheduleAtFixedRate(stats::writeQuietly, 0, INTERVAL_MS, TimeUnit.MILLISECONDS);
        return stats;
    }

    /** Reads a stats file; empty properties when there is none yet. */
    public static Properties read(Path file) {
        Properties props = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return props;
    }

    private synchronized void collected(Notification notification) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                    .getGcInfo();
            peak = Math.max(peak, heapUsed(info.getMemoryUsageBeforeGc()));
            peakAfterGc = Math.max(peakAfterGc, heapUsed(info.getMemoryUsageAfterGc()));
        }
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }

    private void writeQuietly() {
        try {
            write();
        } catch (RuntimeException | IOException e) {
            LOG.warn("cannot write the stats file {}: {}", file, e.toString());
        }
    }

    private synchronized void write() throws IOException {
        peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        // GC notifications arrive a little later, on a thread of their own: the pools also keep the last ones.
        long afterLastGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage collected = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            afterLastGc += collected == null ? 0 : collected.getUsed();
        }
        peakAfterGc = Math.max(peakAfterGc, afterLastGc);
        // What was in use after a collection was in use: the peak holds at least that, whichever came first.
        peak = Math.max(peak, peakAfterGc);
        long max = Runtime.getRuntime().maxMemory();
        Properties props = new Properties();
        props.setProperty("state", state.get());
        props.setProperty("peak_heap_bytes", Long.toString(peak));
        props.setProperty("peak_heap_after_gc_bytes", Long.toString(peakAfterGc));
        props.setProperty("heap_max_bytes", Long.toString(max));
        Path aside = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(aside)) {
            props.store(out, "frontline process stats");
        }
        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Stops the timer and writes the file a last time. */
    @Override
    public void close() {
        timer.shutdownNow();
        writeQuietly();
    }
}
