package org.frontline.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.frontline.extract.ArticleFiles;
import org.frontline.extract.ArticleText;
import org.frontline.extract.Extractor;
import org.frontline.extract.json.ExtractionJson;
import org.frontline.launcher.Frontline;
import org.frontline.producer.FileInput;
import org.frontline.producer.TextCheck;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            out.println(ExtractionJson.toJsonLine(name, article, extractor.extract(article)));
        }
        return rejected == 0 ? 0 : Frontline.EXIT_REJECTED;
    }
}
