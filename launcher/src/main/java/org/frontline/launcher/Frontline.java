package org.frontline.launcher;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.frontline.launcher.cli.BenchCommand;
import org.frontline.launcher.cli.ChaosCommand;
import org.frontline.launcher.cli.ConsumeCommand;
import org.frontline.launcher.cli.EvalCommand;
import org.frontline.launcher.cli.ExtractCommand;
import org.frontline.launcher.cli.IngestCommand;
import org.frontline.launcher.cli.PublishCommand;
import org.frontline.launcher.cli.ReplayCommand;
import org.frontline.launcher.cli.ResetCommand;
import org.frontline.launcher.cli.RunCommand;
import org.frontline.launcher.cli.StreamsCommand;
import org.frontline.schemas.ClusterAccess;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code frontline} command. */
@Command(name = "frontline", mixinStandardHelpOptions = true, version = "frontline 0.1.0",
        description = "Conflict news in, casualty and statement tallies out, through Apache Kafka.",
        subcommands = {RunCommand.class, IngestCommand.class, PublishCommand.class, StreamsCommand.class,
                ConsumeCommand.class, ReplayCommand.class, ResetCommand.class, ExtractCommand.class,
                EvalCommand.class, BenchCommand.class, ChaosCommand.class})
public final class Frontline {

    /** Exit code when an input was rejected but everything else went through. */
    public static final int EXIT_REJECTED = 1;
    /** Exit code when the command itself failed (cluster unreachable, pipeline stopped). */
    public static final int EXIT_FAILED = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with Frontline's handling of errors: a message, not a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new Frontline())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("frontline " + cmd.getCommandName() + ": " + message(e));
                    org.slf4j.LoggerFactory.getLogger(Frontline.class).debug("command failed", e);
                    return EXIT_FAILED;
                });
    }

    static String message(Throwable e) {
        // Security failures come wrapped by whatever call met them first; the line names what to fix.
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ClusterAccess.AccessDeniedException) {
                return cause.getMessage();
            }
            if (cause instanceof AuthenticationException) {
                return "cannot authenticate to Kafka: " + cause.getMessage()
                        + " (check sasl.jaas.config and the ssl.* settings given with --config)";
            }
            if (cause instanceof AuthorizationException) {
                return "not authorized: " + cause.getMessage()
                        + " (the ACLs Frontline needs are in the README, \"A secured cluster\")";
            }
        }
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
