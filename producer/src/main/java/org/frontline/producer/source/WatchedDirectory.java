package org.frontline.producer.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.frontline.producer.ArticleIds;
import org.frontline.producer.ArticlePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the {@code *.txt} files of a directory (and its subdirectories) as they appear, and
 * again when their text changes, as new versions of the same article id.
 *
 * <p>Each file is identified by its path relative to the directory, as {@code publish DIR} does, so
 * both give it the same article id. A file is read once it has stopped changing for a quiet period
 * (half a second by default), so a file still being written is not published half-way; a file
 * renamed in atomically is read at once. A file whose bytes are unchanged is not republished. The
 * directory is rescanned on every change notice and at least every {@code rescan} interval, so a
 * file system without change notices works too.
 */
public final class WatchedDirectory implements Runnable, AutoCloseable {

    /** The ledger's name for this source. */
    public static final String SOURCE = "watch";
    private static final Logger LOG = LoggerFactory.getLogger(WatchedDirectory.class);

    private final Path dir;
    private final ArticlePublisher publisher;
    private final Duration quiet;
    private final Duration rescan;
    private final WatchService watcher;
    private final Map<Path, Seen> seen = new HashMap<>();
    private volatile boolean running = true;

    /**
     * What was last noticed of a file: its size and time, when they were noticed, whether that
     * version has been dealt with, and the digest of the bytes last published.
     */
    private record Seen(long size, long modified, long noticedAt, boolean settled, byte[] publishedDigest) {
    }

    public WatchedDirectory(Path dir, ArticlePublisher publisher, Duration quiet, Duration rescan) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        this.dir = dir;
        this.publisher = publisher;
        this.quiet = quiet;
        this.rescan = rescan;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Scans until {@link #close()}. */
    @Override
    public void run() {
        LOG.info("watching {} for *.txt articles", dir.toAbsolutePath());
        while (running) {
            scanOnce(System.nanoTime());
            try {
                var key = watcher.poll(Math.min(quiet.toMillis(), rescan.toMillis()), TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ClosedWatchServiceException e) {
                return;
            }
        }
    }

    /** Looks at every file once: publishes those that have been quiet long enough and changed. */
    void scanOnce(long now) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".txt") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot list {}: {}", dir, e.getMessage());
            return;
        }
        seen.keySet().retainAll(files);
        for (Path file : files) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                continue; // gone between the listing and now
            }
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            Seen before = seen.get(file);
            if (before == null || before.size() != size || before.modified() != modified) {
                seen.put(file, new Seen(size, modified, now, false, before == null ? null : before.publishedDigest()));
            } else if (!before.settled() && now - before.noticedAt() >= quiet.toNanos()) {
                publishIfChanged(file, before);
            }
        }
    }

    private void publishIfChanged(Path file, Seen before) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            publisher.reject(SOURCE, file.toString(), "cannot read: " + e.getMessage(), new byte[0]);
            seen.put(file, new Seen(before.size(), before.modified(), before.noticedAt(), true,
                    before.publishedDigest()));
            return;
        }
        byte[] digest = digest(bytes);
        seen.put(file, new Seen(before.size(), before.modified(), before.noticedAt(), true, digest));
        if (before.publishedDigest() != null && MessageDigest.isEqual(before.publishedDigest(), digest)) {
            return;
        }
        String relative = dir.relativize(file).toString().replace('\\', '/');
        publisher.offerText(SOURCE, file.toString(), ArticleIds.forFile(relative), bytes);
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service of {}", dir, e);
        }
    }
}
