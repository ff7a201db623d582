package org.frontline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each language's example sentences, kept as data beside its lexicons ({@code examples-casualties.tsv},
 * {@code examples-statements.tsv}), run with the output the rules must give: a language's rules are shown
 * and tested by its own folder, as HeidelTime and Duckling keep theirs.
 */
class LanguageExamplesTest {

    private static Extractor extractor;

    @BeforeAll
    static void create() {
        extractor = Extractor.create();
    }

    static Stream<Arguments> casualtyExamples() throws IOException {
        return examples("examples-casualties.tsv");
    }

    static Stream<Arguments> statementExamples() throws IOException {
        return examples("examples-statements.tsv");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("casualtyExamples")
    void casualtyExample(String language, String text, String expected) {
        String figures = extractor.extract(new ArticleText(null, text, null), language).casualties().stream()
                .map(f -> f.count() + " " + f.outcome() + " " + f.victims() + (f.cumulative() ? " cumulative" : "")
                        + (f.approximate() ? " approximate" : ""))
                .collect(Collectors.joining("; "));
        assertThat(figures).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("statementExamples")
    void statementExample(String language, String text, String expected) {
        String statements = extractor.extract(new ArticleText(null, text, null), language).statements().stream()
                .map(s -> s.speaker() + ": " + s.quote())
                .collect(Collectors.joining(" | "));
        assertThat(statements).isEqualTo(expected);
    }

    private static Stream<Arguments> examples(String file) throws IOException {
        List<Arguments> examples = new ArrayList<>();
        for (String language : Extractor.SUPPORTED) {
            String resource = "/org/frontline/extract/lexicon/" + language + "/" + file;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    LanguageExamplesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] columns = line.split("\t", -1);
                    assertThat(columns).as("%s: text, a tab, the expected output: %s", resource, line).hasSize(2);
                    examples.add(Arguments.of(language, columns[0].replace("\\n", "\n"), columns[1]));
                }
            }
        }
        assertThat(examples).as("examples of %s", file).hasSizeGreaterThan(Extractor.SUPPORTED.size());
        return examples.stream();
    }
}
