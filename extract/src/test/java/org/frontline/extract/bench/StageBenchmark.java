package org.frontline.extract.bench;

import org.frontline.extract.ArticleText;
import org.frontline.extract.internal.LanguagePack;
import org.frontline.extract.internal.language.LanguageIdentifier;
import org.frontline.extract.internal.names.Name;
import org.frontline.extract.internal.text.Document;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Each stage of {@code Extractor.extract} on its own, in microseconds per article, round robin over the
 * corpus: where {@link ExtractionBenchmark}'s time goes. Every stage gets what the stage before it made,
 * computed once in the set-up, so its score is its own cost. Run it with
 * {@code ./mvnw -pl extract -Pbench test-compile exec:exec -Dbench.args="StageBenchmark -p corpus=seeds"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class StageBenchmark {

    /** What {@code Extractor} passes for its fallback reading. */
    private static final int SAMPLE = 160;

    @Param({"dev", "seeds"})
    public String corpus;

    private LanguageIdentifier identifier;
    private String[] bodies;
    private String[] texts;
    private LanguagePack[] packs;
    private Document[] documents;
    private int[] titleParagraphs;
    private List<List<Name>> names;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        identifier = new LanguageIdentifier(SAMPLE);
        Map<String, LanguagePack> byLanguage = Map.of("en", LanguagePack.load("en"), "it", LanguagePack.load("it"));
        ArticleText[] articles = ExtractionBenchmark.articles(corpus);
        bodies = new String[articles.length];
        texts = new String[articles.length];
        packs = new LanguagePack[articles.length];
        documents = new Document[articles.length];
        titleParagraphs = new int[articles.length];
        names = new ArrayList<>();
        for (int i = 0; i < articles.length; i++) {
            ArticleText article = articles[i];
            bodies[i] = article.body() == null || article.body().isBlank() ? article.fullText() : article.body();
            texts[i] = article.fullText();
            packs[i] = byLanguage.get(identifier.identify(bodies[i]));
            if (packs[i] == null) {
                throw new IllegalStateException("article " + i + " of " + corpus + " is not in English or Italian");
            }
            documents[i] = packs[i].segmenter().segment(texts[i]);
            titleParagraphs[i] = article.title() == null || article.title().isBlank() ? 0 : 1;
            names.add(packs[i].names().find(documents[i]));
        }
    }

    private int nextArticle() {
        int article = next;
        next = next + 1 == texts.length ? 0 : next + 1;
        return article;
    }

    @Benchmark
    public String language() {
        return identifier.identify(bodies[nextArticle()]);
    }

    @Benchmark
    public Document segment() {
        int i = nextArticle();
        return packs[i].segmenter().segment(texts[i]);
    }

    @Benchmark
    public Object names() {
        int i = nextArticle();
        return packs[i].names().find(documents[i]);
    }

    @Benchmark
    public Object casualties() {
        int i = nextArticle();
        return packs[i].casualties().find(documents[i], titleParagraphs[i], names.get(i));
    }

    @Benchmark
    public Object statements() {
        int i = nextArticle();
        return packs[i].statements().find(documents[i], names.get(i));
    }
}
