package org.frontline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleIdsTest {

    @Test
    void sameIdentityGivesTheSameIdAndDifferentIdentitiesDiffer() {
        assertThat(ArticleIds.forUrl("https://example.org/a")).isEqualTo(ArticleIds.forUrl(" https://example.org/a "))
                .hasSize(16)
                .isNotEqualTo(ArticleIds.forUrl("https://example.org/b"));
        assertThat(ArticleIds.forFile("war/a.txt")).isNotEqualTo(ArticleIds.forUrl("war/a.txt"));
    }

    @Test
    void textIdIgnoresCaseAndSpacing() {
        assertThat(ArticleIds.forText("Three  civilians\nwere killed"))
                .isEqualTo(ArticleIds.forText("three civilians were killed "));
    }

    @Test
    void fileIsIdentifiedByItsPathRelativeToTheDirectoryGiven(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("corpus/it"));
        Files.writeString(dir.resolve("corpus/it/a.txt"), "x");
        Files.writeString(dir.resolve("corpus/b.txt"), "x");
        Files.writeString(dir.resolve("corpus/notes.md"), "x");

        List<FileInput> inputs = FileInput.expand(List.of(dir.resolve("corpus"), dir.resolve("corpus/b.txt")));

        assertThat(inputs).extracting(FileInput::identity).containsExactly("b.txt", "it/a.txt", "b.txt");
    }
}
