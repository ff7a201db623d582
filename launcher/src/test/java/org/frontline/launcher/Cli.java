package org.frontline.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the frontline command in the test's JVM, its output (stdout and stderr) kept for assertions. */
final class Cli {

    /**
     * What one command did.
     *
     * @param exit   its exit code
     * @param output what it printed, standard output and standard error together
     */
    record Result(int exit, String output) {
    }

    private Cli() {
    }

    /** Runs the command to completion. */
    static Result run(String... args) {
        StringWriter console = new StringWriter();
        int exit = writingTo(console).execute(args);
        return new Result(exit, console.toString());
    }

    /** The command line, printing to {@code console}; for commands run on a thread of their own. */
    static CommandLine writingTo(StringWriter console) {
        CommandLine cli = Frontline.commandLine();
        cli.setOut(new PrintWriter(console, true));
        cli.setErr(new PrintWriter(console, true));
        return cli;
    }
}
