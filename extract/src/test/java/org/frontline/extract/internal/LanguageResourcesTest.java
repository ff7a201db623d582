package org.frontline.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.frontline.extract.Extractor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every supported language gives every resource the rules ask for: each word list (in its folder or the
 * shared one), each setting, and the same files as every other language, so a language added by copying
 * a folder is complete or fails here, naming what it lacks.
 */
class LanguageResourcesTest {

    static Stream<String> languages() {
        return Extractor.SUPPORTED.stream();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyListTheRulesAskForIsThere(String language) {
        LanguagePack pack = LanguagePack.load(language);

        assertThat(pack.lexicon().missing()).as("lists missing from lexicon/%s/", language).isEmpty();
        assertThat(pack.lexicon().settings().read()).as("settings the rules read").isNotEmpty();
        assertThat(pack.lexicon().settings().defined()).as("settings of %s", language)
                .containsAll(pack.lexicon().settings().read());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyLanguageHasTheSameFilesAsTheOthers(String language) throws IOException, URISyntaxException {
        Set<String> own = files(language);
        for (String other : Extractor.SUPPORTED) {
            assertThat(own).as("files of lexicon/%s/ against lexicon/%s/", language, other)
                    .containsAll(files(other));
        }
        assertThat(own).contains("settings.properties", "examples-casualties.tsv", "examples-statements.tsv");
    }

    private static Set<String> files(String language) throws IOException, URISyntaxException {
        Path folder = Path.of(LanguageResourcesTest.class
                .getResource("/org/frontline/extract/lexicon/" + language + "/").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
