package org.frontline.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleFilesTest {

    @Test
    void dateLinePrefixBecomesThePublicationDateAndLeavesTheText() {
        ArticleText article = ArticleFiles.parse(
                " date 2022-10 Il 12 e il 13 ottobre i ministri si incontreranno.\n\nSecondo paragrafo.");

        assertThat(article.published()).isEqualTo("2022-10");
        assertThat(article.fullText()).startsWith("Il 12 e il 13 ottobre");
    }

    @Test
    void fullDateIsKept() {
        assertThat(ArticleFiles.parse(" date 2023-06-28 Missile strike kills 10\n\nBody.").published())
                .isEqualTo("2023-06-28");
    }

    @Test
    void shortFirstParagraphWithoutFinalStopIsTheTitle() {
        ArticleText article = ArticleFiles.parse("Stoltenberg: “Message to Russia”\n\nNATO sends a message to Moscow.");

        assertThat(article.title()).isEqualTo("Stoltenberg: “Message to Russia”");
        assertThat(article.body()).isEqualTo("NATO sends a message to Moscow.");
        assertThat(article.published()).isNull();
    }

    @Test
    void firstParagraphEndingInAFullStopIsBody() {
        ArticleText article = ArticleFiles.parse("La Corea del Nord avrebbe fornito razzi.\n\nLo ha reso noto Kirby.");

        assertThat(article.title()).isNull();
        assertThat(article.fullText()).startsWith("La Corea del Nord");
    }

    @Test
    void singleParagraphHasNoTitle() {
        ArticleText article = ArticleFiles.parse("Russia-Ukraine war live");

        assertThat(article.title()).isNull();
        assertThat(article.body()).isEqualTo("Russia-Ukraine war live");
    }
}
