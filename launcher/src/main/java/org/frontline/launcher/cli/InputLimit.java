package org.frontline.launcher.cli;

import org.frontline.producer.TextCheck;

import picocli.CommandLine.Option;

/** The size limit every command that reads articles applies. */
public final class InputLimit {

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + TextCheck.DEFAULT_MAX_BYTES,
            description = "Largest article accepted, in bytes (default: ${DEFAULT-VALUE}).")
    int maxBytes;

    /** The check for input of at most {@code --max-bytes}. */
    TextCheck check() {
        return new TextCheck(maxBytes);
    }
}
