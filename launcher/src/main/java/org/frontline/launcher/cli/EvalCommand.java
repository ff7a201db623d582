package org.frontline.launcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.frontline.extract.Extractor;
import org.frontline.extract.eval.EvalReport;
import org.frontline.extract.eval.Scorer;
import org.frontline.launcher.Frontline;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Scores the extractor on an annotated corpus, exactly as corpus/score.py does. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Extract every NAME.txt in GOLD_DIR and score the result against its NAME.gold.json as "
                + "corpus/score.py does: precision, recall and F1 for casualty figures, quotes and statements, "
                + "attribute and language accuracy.")
public final class EvalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "GOLD_DIR", description = "A directory of NAME.txt articles with NAME.gold.json beside.")
    Path goldDir;

    @Option(names = "--verbose", description = "List every missed, spurious and wrongly attributed item.")
    boolean verbose;

    @Option(names = "--min-casualty-f1", paramLabel = "F", defaultValue = "0",
            description = "Exit 1 when casualty F1 is below F.")
    double minCasualtyF1;

    @Option(names = "--min-statement-f1", paramLabel = "F", defaultValue = "0",
            description = "Exit 1 when statement F1 is below F.")
    double minStatementF1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(goldDir)) {
            throw new ParameterException(spec.commandLine(), "not a directory: " + goldDir);
        }
        EvalReport report = Scorer.evaluate(goldDir, Extractor.create());
        spec.commandLine().getOut().println(report.format(verbose));
        return report.meets(minCasualtyF1, minStatementF1) ? 0 : Frontline.EXIT_REJECTED;
    }
}
