package org.frontline.extract.bench;

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

import java.util.concurrent.TimeUnit;

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
        ArticleText[] articles = ExtractionBenchmark.articles(corpus);
        bodies = new String[articles.length];
        for (int i = 0; i < bodies.length; i++) {
            ArticleText article = articles[i];
            bodies[i] = article.body() == null || article.body().isBlank() ? article.fullText() : article.body();
        }
    }

    @Benchmark
    public String identify() {
        String body = bodies[next];
        next = next + 1 == bodies.length ? 0 : next + 1;
        return identifier.identify(body);
    }
}
