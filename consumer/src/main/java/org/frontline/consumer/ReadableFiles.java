package org.frontline.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Files and directories the consumer creates, readable by other users (a dashboard container,
 * another account): files {@code rw-r--r--}, directories {@code rwxr-xr-x}. The permissions are set
 * after creation, so neither the umask nor {@link Files#createTempFile}'s {@code rw-------} decides
 * them; on a file system without POSIX permissions nothing is set.
 */
final class ReadableFiles {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    private ReadableFiles() {
    }

    /** Creates {@code dir} and whichever of its parents are missing, each readable by everyone. */
    static void createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            Files.createDirectories(p);
            setPermissions(p, DIRECTORY);
        }
    }

    /** Makes a file the consumer created readable by everyone. */
    static void makeReadable(Path file) throws IOException {
        setPermissions(file, FILE);
    }

    /**
     * Replaces {@code target} whole: written to a temporary file beside it, made readable, and
     * renamed over it, so a reader sees the old file or the new one, never half of one. With
     * {@code durable} the content and the rename are forced to disk before it returns.
     */
    static void replace(Path target, String content, boolean durable) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    if (durable) {
                        out.force(true);
                    }
                }
                makeReadable(temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                if (durable) {
                    forceDirectory(dir);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Removes the temporary files {@link #replace} left beside {@code name} when a crash cut it short. */
    static void removeTemporaryFiles(Path dir, String name) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "." + name + "*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Forces a directory's entries (a rename, a new file) to disk, where the platform allows it. */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the rename is atomic all the same, only not yet on disk.
        }
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix(path.getFileSystem())) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean posix(FileSystem fileSystem) {
        return fileSystem.supportedFileAttributeViews().contains("posix");
    }
}
