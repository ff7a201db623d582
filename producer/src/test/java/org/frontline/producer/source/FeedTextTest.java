package org.frontline.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedTextTest {

    @Test
    void paragraphsBecomeBlankLinesAndBreaksNewLines() {
        String html = "<p>Two civilians were killed in Kherson.</p>\n"
                + "<p>The governor said three more<br>were wounded.</p>";

        assertThat(FeedText.fromHtml(html))
                .isEqualTo("Two civilians were killed in Kherson.\n\nThe governor said three more\nwere wounded.");
    }

    @Test
    void inlineMarkupKeepsWordsApartAndSourceLineBreaksAreSpaces() {
        String html = "The <b>army</b> said\n   <a href=\"https://example.org\">here</a> that <em>four</em>\tdied.";

        assertThat(FeedText.fromHtml(html)).isEqualTo("The army said here that four died.");
    }

    @Test
    void entitiesAreDecoded() {
        assertThat(FeedText.fromHtml("Citt&agrave; &amp; provincia&nbsp;di Kherson: &quot;evacuate&quot; &#8212; ok"))
                .isEqualTo("Città & provincia di Kherson: \"evacuate\" — ok");
    }

    @Test
    void headingsListsAndDivsAreParagraphsOfTheirOwn() {
        String html = "<div><h2>Evacuation</h2><ul><li>Forty people left.</li><li>Five remain.</li></ul>"
                + "<div>Officials <span>said</span> so.</div></div>";

        assertThat(FeedText.fromHtml(html))
                .isEqualTo("Evacuation\n\nForty people left.\n\nFive remain.\n\nOfficials said so.");
    }

    @Test
    void scriptsStylesAndImagesLeaveNoText() {
        String html = "<style>p { color: red }</style><script>alert('x')</script><img src=\"a.jpg\" alt=\"photo\">"
                + "<noscript>enable scripts</noscript>";

        assertThat(FeedText.fromHtml(html)).isEmpty();
        assertThat(FeedText.fromHtml("<p>Text</p><script>var x = 1;</script>")).isEqualTo("Text");
    }

    @Test
    void nothingGivesEmptyText() {
        assertThat(FeedText.fromHtml(null)).isEmpty();
        assertThat(FeedText.fromHtml(" <p> </p>&nbsp;<br><br> ")).isEmpty();
        assertThat(FeedText.fromPlain(null)).isEmpty();
    }

    @Test
    void plainTextKeepsItsLinesAndAngleBrackets() {
        assertThat(FeedText.fromPlain("Fewer than <10 were killed,\r\nnot 12.\r\n\r\n\r\n  Second   paragraph. "))
                .isEqualTo("Fewer than <10 were killed,\nnot 12.\n\nSecond paragraph.");
    }

    @Test
    void inlineTextIsOneLineWithoutMarkup() {
        assertThat(FeedText.inline("Evacuation from <i>Avdiivka</i>\n continues &amp; more"))
                .isEqualTo("Evacuation from Avdiivka continues & more");
        assertThat(FeedText.inline("  ")).isNull();
        assertThat(FeedText.inline(null)).isNull();
    }
}
