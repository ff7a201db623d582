package org.frontline.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code frontline} command in a JVM of its own, on this JVM's class path, its output (standard output and
 * error together) appended to a log file: for the benchmark and the chaos harness, which measure, kill and
 * restart what they start.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code java -Xmx<heap> <jvmOptions> -cp <this class path> Frontline <args>}.
     *
     * @param heap       the {@code -Xmx} value, such as {@code 512m}
     * @param jvmOptions further JVM options, before the class path
     * @param args       the command and its arguments
     * @param log        where its output is appended; its directory is created
     * @return the running child
     */
    public static Process start(String heap, List<String> jvmOptions, List<String> args, Path log) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Frontline.class.getName()));
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start frontline " + args.get(0) + ": " + e.getMessage(), e);
        }
    }
}
