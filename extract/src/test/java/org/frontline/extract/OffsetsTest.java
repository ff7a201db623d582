package org.frontline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every figure and statement points at itself: its offsets in the article's full text cut out exactly its
 * evidence or quote, and it names the rule or sieve that produced it. Checked on every article of the corpus.
 */
class OffsetsTest {

    private static final Set<String> RULES = Set.of("nominal", "active", "frame", "predicate", "toll", "list",
            "additive", "bulletin", "period-part", "elided-period");
    private static final Set<String> SIEVES = Set.of("interview-answer", "verb-after", "attribution-inside",
            "verb-or-colon-before", "next-sentence", "sentence-before", "continuation");

    private static Extractor extractor;

    @BeforeAll
    static void create() {
        extractor = Extractor.create();
    }

    @Test
    void offsetsCutOutTheEvidenceAndTheQuoteOfEveryItem() throws IOException {
        int figures = 0;
        int statements = 0;
        for (Path file : articles()) {
            ArticleText article = ArticleFiles.parse(Files.readString(file));
            String text = article.fullText();
            Extraction extraction = extractor.extract(article);
            for (CasualtyFigure figure : extraction.casualties()) {
                assertThat(text.substring(figure.start(), figure.end())).as(file + " " + figure)
                        .isEqualTo(figure.evidence());
                assertThat(figure.rule()).as(file + " " + figure).isIn(RULES);
                figures++;
            }
            for (Statement statement : extraction.statements()) {
                assertThat(text.substring(statement.start(), statement.end())).as(file + " " + statement)
                        .isEqualTo(statement.quote());
                assertThat(statement.sieve()).as(file + " " + statement).isIn(SIEVES);
                statements++;
            }
        }
        assertThat(figures).isGreaterThan(300);
        assertThat(statements).isGreaterThan(300);
    }

    private static List<Path> articles() throws IOException {
        try (Stream<Path> dev = Files.list(Path.of("../corpus/dev"));
             Stream<Path> seeds = Files.list(Path.of("../seeds"))) {
            return Stream.concat(dev, seeds).filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }
}
