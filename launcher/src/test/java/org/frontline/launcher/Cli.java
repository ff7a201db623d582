package org.frontline.launcher;

import org.frontline.broker.testing.CommandRunner;

import picocli.CommandLine;

/**
 * The frontline command run in the test's JVM by the shared {@link CommandRunner}, its output (stdout and
 * stderr) kept for assertions.
 */
final class Cli {

    private static final CommandRunner FRONTLINE = new CommandRunner((console, args) -> {
        CommandLine cli = Frontline.commandLine();
        cli.setOut(console);
        cli.setErr(console);
        return cli.execute(args);
    });

    private Cli() {
    }

    /** Runs the command to completion. */
    static CommandRunner.Result run(String... args) {
        return FRONTLINE.run(args);
    }

    /** Starts a command that runs until it is stopped ({@code --follow}, {@code streams}, {@code consume}). */
    static CommandRunner.Running start(String... args) {
        return FRONTLINE.start(args);
    }
}
