package org.frontline.extract.internal.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SegmenterTest {

    /** Paragraphs that sit on the edges of the shortcut's rules, in both languages. */
    private static final List<String> EDGES = List.of(
            "Six civilians were killed in the shelling",
            "Six civilians were killed in the shelling.",
            "Six civilians were killed.  ",
            "Six civilians were killed.\u201D",
            "\u201CWe will not leave,\u201D he said. \u201CNever.\u201D",
            "He left. \u201D",
            "Who fired first?! Nobody knows",
            "Who fired first?!",
            "The U.S. said it had no part in it.",
            "Mr. Peskov spoke.",
            "Sono stati uccisi... almeno sei civili.",
            "Sono stati uccisi\u2026",
            "Tre morti (due bambini).",
            "Tre morti. (Due bambini.)",
            "Killed: 6; wounded: 22",
            "Line one\rline two",
            "Ends with a carriage return.\r",
            "A list . . .",
            "Trailing space then mark. .",
            "no capital. after the stop",
            "3.5 million people fled.",
            "Odd \uD804\uDC47 terminator outside the BMP");

    private final Segmenter segmenter = new Segmenter("en");

    @Test
    void shortcutNeverClaimsOneSentenceWhereIcuFindsMore() {
        for (String paragraph : EDGES) {
            if (Segmenter.isOneSentence(paragraph, 0, paragraph.length())) {
                assertThat(icuSentenceCount(paragraph, "en")).as(paragraph).isEqualTo(1);
                assertThat(icuSentenceCount(paragraph, "it")).as(paragraph).isEqualTo(1);
            }
        }
    }

    @Test
    void shortcutTakesPlainSentencesAndLeavesTheRestToIcu() {
        assertThat(EDGES).filteredOn(p -> Segmenter.isOneSentence(p, 0, p.length())).containsExactly(
                "Six civilians were killed in the shelling",
                "Six civilians were killed in the shelling.",
                "Six civilians were killed.  ",
                "Six civilians were killed.\u201D",
                "Who fired first?!",
                "Sono stati uccisi\u2026",
                "Tre morti (due bambini).",
                "Killed: 6; wounded: 22",
                "A list . . .",
                "Trailing space then mark. .");
    }

    @Test
    void shortcutAgreesWithIcuOnEveryCorpusParagraph() throws IOException {
        List<String> paragraphs = corpusParagraphs();
        assertThat(paragraphs).hasSizeGreaterThan(300);
        int shortcuts = 0;
        for (String paragraph : paragraphs) {
            boolean one = Segmenter.isOneSentence(paragraph, 0, paragraph.length());
            if (one) {
                assertThat(icuSentenceCount(paragraph, "en")).as(paragraph).isEqualTo(1);
                assertThat(icuSentenceCount(paragraph, "it")).as(paragraph).isEqualTo(1);
                shortcuts++;
            }
        }
        // The shortcut is only worth having if it applies to most paragraphs.
        assertThat(shortcuts).isGreaterThan(paragraphs.size() / 3);
    }

    @Test
    void shortcutStopsAtTheParagraphsNewline() {
        String text = "First paragraph, one sentence.\nSecond. Has two.";
        assertThat(Segmenter.isOneSentence(text, 0, text.indexOf('\n'))).isTrue();
        assertThat(Segmenter.isOneSentence(text, text.indexOf('\n') + 1, text.length())).isFalse();
    }

    @Test
    void sentencesAndTokensOfAParagraph() {
        Document document =
                segmenter.segment("Title line\n\u201CWe held,\u201D he said. Russia's 300mila dell'Ucraina.");
        assertThat(document.sentences()).extracting(s -> document.slice(s.start(), s.end()))
                .containsExactly("Title line", "\u201CWe held,\u201D he said.", "Russia's 300mila dell'Ucraina.");
        assertThat(document.sentences().get(2).tokens()).extracting(Token::text)
                .containsExactly("Russia", "'s", "300", "mila", "dell'", "Ucraina", ".");
        assertThat(document.sentences().get(1).tokens().get(0).kind()).isEqualTo(Token.Kind.PUNCT);
    }

    private static int icuSentenceCount(String paragraph, String language) {
        BreakIterator breaks = BreakIterator.getSentenceInstance(new ULocale(language));
        breaks.setText(paragraph);
        int count = 0;
        while (breaks.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    private static List<String> corpusParagraphs() throws IOException {
        List<String> paragraphs = new ArrayList<>();
        for (Path directory : List.of(Path.of("../corpus/dev"), Path.of("../seeds"))) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                    for (String line : Files.readString(file).split("\n")) {
                        if (!line.isBlank()) {
                            paragraphs.add(line);
                        }
                    }
                }
            }
        }
        return paragraphs;
    }
}
