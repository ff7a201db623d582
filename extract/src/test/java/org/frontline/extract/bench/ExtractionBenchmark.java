package org.frontline.extract.bench;

import org.frontline.extract.ArticleFiles;
import org.frontline.extract.ArticleText;
import org.frontline.extract.Extraction;
import org.frontline.extract.Extractor;
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
 * Throughput of {@link Extractor#extract} on one thread, in articles per second: each operation extracts
 * the next article of the corpus, round robin, so the score is the corpus's mean rate.
 *
 * <p>Run it with {@code ./mvnw -pl extract -Pbench test-compile exec:exec} from the repository root
 * (docs/extraction.md). {@code corpus} picks the articles: {@code dev} is corpus/dev, {@code seeds} is
 * seeds/, both relative to the repository root, which is found from the working directory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 5)
public class ExtractionBenchmark {

    @Param({"dev", "seeds"})
    public String corpus;

    private Extractor extractor;
    private ArticleText[] articles;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        extractor = Extractor.create();
        articles = articles(corpus);
    }

    @Benchmark
    public Extraction extract() {
        ArticleText article = articles[next];
        next = next + 1 == articles.length ? 0 : next + 1;
        return extractor.extract(article);
    }

    /** The articles of {@code seeds} or of {@code corpus/NAME}, in file name order. */
    static ArticleText[] articles(String corpus) {
        Path root = repositoryRoot();
        Path directory = corpus.equals("seeds") ? root.resolve("seeds") : root.resolve("corpus").resolve(corpus);
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            ArticleText[] articles = new ArticleText[texts.size()];
            for (int i = 0; i < articles.length; i++) {
                articles[i] = ArticleFiles.parse(Files.readString(texts.get(i)));
            }
            if (articles.length == 0) {
                throw new IllegalStateException("no articles in " + directory);
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nearest directory at or above the working directory that holds corpus/score.py. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("corpus").resolve("score.py"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the repository: no corpus/score.py above "
                + Path.of("").toAbsolutePath());
    }
}
