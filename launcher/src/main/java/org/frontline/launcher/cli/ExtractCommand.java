package org.frontline.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.frontline.extract.ArticleFiles;
import org.frontline.extract.ArticleText;
import org.frontline.extract.CasualtyFigure;
import org.frontline.extract.Extraction;
import org.frontline.extract.Extractor;
import org.frontline.extract.Statement;
import org.frontline.extract.json.ExtractionJson;
import org.frontline.launcher.Frontline;
import org.frontline.producer.FileInput;
import org.frontline.producer.TextCheck;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Offline extraction, with exactly the code the streams application runs. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract casualty figures and statements from article files without Kafka; prints one "
                + "JSON object per article (JSON Lines) in the gold format of corpus/GUIDELINES.md.")
public final class ExtractCommand implements Callable<Integer> {

    @Mixin
    InputLimit limit;

    @Option(names = "--explain", description = "Instead of JSON, print for each article every figure and "
            + "statement with the rule or sieve that produced it and where it is in the text.")
    boolean explain;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Article files (*.txt) or directories of them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Extractor extractor = Extractor.create();
        TextCheck check = limit.check();
        int rejected = 0;
        for (FileInput input : FileInput.expand(paths)) {
            TextCheck.Verdict verdict = check.check(Files.readAllBytes(input.file()));
            if (!verdict.accepted()) {
                err.println("rejected " + input.file() + ": " + verdict.reason());
                rejected++;
                continue;
            }
            String name = input.file().getFileName().toString().replaceFirst("\\.txt$", "");
            ArticleText article = ArticleFiles.parse(verdict.text());
            Extraction extraction = extractor.extract(article);
            if (explain) {
                explain(out, name, extraction);
            } else {
                out.println(ExtractionJson.toJsonLine(name, article, extraction));
            }
        }
        return rejected == 0 ? 0 : Frontline.EXIT_REJECTED;
    }

    /** "figure 12 killed civilians [predicate] 233-262 «12 civilians were killed»", one line per item. */
    private static void explain(PrintWriter out, String name, Extraction extraction) {
        out.printf("%s (%s): %d figures, %d statements%n", name, extraction.language(),
                extraction.casualties().size(), extraction.statements().size());
        for (CasualtyFigure f : extraction.casualties()) {
            out.printf("  figure %d %s %s%s%s%s [%s] %d-%d «%s»%n", f.count(), f.outcome(), f.victims(),
                    f.party() == null ? "" : " " + f.party(), f.cumulative() ? " cumulative" : "",
                    f.approximate() ? " approximate" : "", f.rule(), f.start(), f.end(), f.evidence());
        }
        for (Statement s : extraction.statements()) {
            out.printf("  statement %s [%s] %d-%d «%s»%n", s.speaker(), s.sieve(), s.start(), s.end(),
                    s.quote().length() > 60 ? s.quote().substring(0, 60) + "…" : s.quote());
        }
    }
}
