package org.frontline.extract.bench;

import org.frontline.extract.ArticleFiles;
import org.frontline.extract.ArticleText;
import org.frontline.extract.internal.language.LanguageIdentifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Language detection alone (Lingua through {@link LanguageIdentifier}, as {@code Extractor} calls it), in
 * microseconds per article, round robin over the corpus: the share of {@link ExtractionBenchmark}'s time
 * that goes to telling the language. Run it with
 * {@code ./mvnw -pl extract -Pbench test-compile exec:exec -Dbench.args="LanguageBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class LanguageBenchmark {

    /** What {@code Extractor} passes for its fallback reading. */
    private static final int SAMPLE = 160;

    @Param({"dev", "seeds"})
    public String corpus;

    private LanguageIdentifier identifier;
    private String[] bodies;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        identifier = new LanguageIdentifier(SAMPLE);
        Path root = ExtractionBenchmark.repositoryRoot();
        Path directory = corpus.equals("seeds") ? root.resolve("seeds") : root.resolve("corpus").resolve(corpus);
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            bodies = new String[texts.size()];
            for (int i = 0; i < bodies.length; i++) {
                ArticleText article = ArticleFiles.parse(Files.readString(texts.get(i)));
                bodies[i] = article.body() == null || article.body().isBlank() ? article.fullText() : article.body();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bodies.length == 0) {
            throw new IllegalStateException("no articles in " + directory);
        }
    }

    @Benchmark
    public String identify() {
        String body = bodies[next];
        next = next + 1 == bodies.length ? 0 : next + 1;
        return identifier.identify(body);
    }
}
