package org.frontline.extract.bench;

import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to extract one large article, at 90 KB and at 900 KB: the cost of an article must grow with its length,
 * not with its square. Three shapes, each the worst case of a part of the extraction: attributed quotations
 * (each compared with the earlier ones to tell repeats, and attributed from the speakers before it); a list
 * of tolls with no full stop (one sentence as long as the article for the figures' rules, and a new count in
 * each item for the merge of figures said twice); quotations attributed by pronouns in an article that names
 * nobody (the search for the last speaker). Run it like {@link ExtractionBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class LargeArticleBenchmark {

    @Param({"90000", "900000"})
    public int characters;

    @Param({"quotations", "tolls", "pronouns"})
    public String shape;

    private Extractor extractor;
    private ArticleText article;

    @Setup(Level.Trial)
    public void load() {
        extractor = Extractor.create();
        StringBuilder body = new StringBuilder();
        for (int i = 1; body.length() < characters; i++) {
            switch (shape) {
                case "quotations" -> body.append("\"We will hold position number ").append(i)
                        .append(" and we will not give up the city to anyone at all, whatever it costs us,\" said ")
                        .append("Volodymyr Zelensky on day ").append(i).append(". \"We will hold,\" he added.\n\n");
                case "tolls" -> body.append(i).append(" killed in village ").append(i).append(", ");
                case "pronouns" -> body.append("\"We will hold position ").append(i).append(",\" he said. ")
                        .append(i % 3 == 0 ? "\n" : "");
                default -> throw new IllegalArgumentException("no shape " + shape);
            }
        }
        article = new ArticleText("From the front line", body.toString(), null);
    }

    /** Read as English, as the source said so: a list of numbers and one word is no language to identify. */
    @Benchmark
    public Extraction extract() {
        return extractor.extract(article, "en");
    }
}
