package org.frontline.broker.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a command-line entry point in the test's JVM, its output (standard output and standard error
 * together) kept for assertions: to completion with {@link #run}, or on a thread of its own with
 * {@link #start} for a command that keeps running until it is interrupted.
 *
 * <pre>{@code
 * CommandRunner cli = new CommandRunner((console, args) -> Frontline.commandLine()...execute(args));
 * CommandRunner.Running streams = cli.start("streams", "--bootstrap-servers", KAFKA.bootstrapServers());
 * ...
 * assertThat(streams.stop(Duration.ofSeconds(90))).isZero();
 * }</pre>
 */
public final class CommandRunner {

    /** An entry point: runs {@code args}, printing to {@code console}, and returns the exit code. */
    @FunctionalInterface
    public interface Command {
        int execute(PrintWriter console, String... args);
    }

    /**
     * What one command did.
     *
     * @param exit   its exit code
     * @param output what it printed, standard output and standard error together
     */
    public record Result(int exit, String output) {
    }

    private final Command command;

    public CommandRunner(Command command) {
        this.command = command;
    }

    /** Runs the command to completion. */
    public Result run(String... args) {
        StringWriter console = new StringWriter();
        int exit = command.execute(new PrintWriter(console, true), args);
        return new Result(exit, console.toString());
    }

    /** Starts the command on a thread named after its first argument. */
    public Running start(String... args) {
        return new Running(args.length == 0 ? "command" : args[0], args);
    }

    /** A command running on a thread of its own. */
    public final class Running {

        private final StringWriter console = new StringWriter();
        private final AtomicInteger exit = new AtomicInteger(-1);
        private final Thread thread;

        private Running(String name, String... args) {
            thread = new Thread(() -> exit.set(command.execute(new PrintWriter(console, true), args)), name);
            thread.start();
        }

        /** What it printed so far. */
        public String output() {
            return console.toString();
        }

        public boolean isAlive() {
            return thread.isAlive();
        }

        /** Its exit code, or -1 while it runs. */
        public int exit() {
            return exit.get();
        }

        /** Waits for it to end on its own, at most {@code timeout}; returns its exit code, -1 if it still runs. */
        public int awaitExit(Duration timeout) throws InterruptedException {
            thread.join(timeout.toMillis());
            return exit.get();
        }

        /** Asks it to stop, as Ctrl-C would, without waiting: to stop several at once. */
        public void interrupt() {
            thread.interrupt();
        }

        /** Asks it to stop, as Ctrl-C would, and waits at most {@code timeout} for its exit code. */
        public int stop(Duration timeout) throws InterruptedException {
            interrupt();
            return awaitExit(timeout);
        }
    }
}
