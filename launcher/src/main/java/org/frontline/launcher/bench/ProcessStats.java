package org.frontline.launcher.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a process tells the benchmark that started it, in a small properties file rewritten every half
 * second and once more on {@link #close()}: its state (the Kafka Streams state, say) and its heap.
 *
 * <ul>
 *   <li>{@code peak_heap_bytes}: the sum of the heap pools' peak usage (an upper bound of the heap in use
 *       at the fullest moment, as the pools may peak at different times);</li>
 *   <li>{@code peak_heap_after_gc_bytes}: the largest heap in use just after a collection, sampled: the
 *       live data, which is what a smaller {@code -Xmx} has to hold;</li>
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

    private void writeQuietly() {
        try {
            write();
        } catch (RuntimeException | IOException e) {
            LOG.warn("cannot write the stats file {}: {}", file, e.toString());
        }
    }

    private synchronized void write() throws IOException {
        long peak = 0;
        long afterGc = 0;
        long max = Runtime.getRuntime().maxMemory();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                peak += pool.getPeakUsage().getUsed();
                MemoryUsage collected = pool.getCollectionUsage();
                afterGc += collected == null ? 0 : collected.getUsed();
            }
        }
        peakAfterGc = Math.max(peakAfterGc, afterGc);
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
