package org.frontline.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Article files named on the command line: a file is taken as it is, a directory for every
 * {@code *.txt} below it, in name order. Each file is identified by its path relative to the
 * directory given (a file given directly, by its name).
 *
 * @param file     where the file is
 * @param identity its path relative to the directory given, with {@code /} separators
 */
public record FileInput(Path file, String identity) {

    /** The article files under {@code paths}; a path that does not exist is an error. */
    public static List<FileInput> expand(List<Path> paths) {
        List<FileInput> inputs = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().endsWith(".txt"))
                            .sorted()
                            .forEach(f -> inputs.add(new FileInput(f, relative(path, f))));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
                }
            } else if (Files.exists(path)) {
                inputs.add(new FileInput(path, path.getFileName().toString()));
            } else {
                throw new IllegalArgumentException("no such file or directory: " + path);
            }
        }
        return inputs;
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }
}
