package org.frontline.extract.internal.text;

import org.frontline.extract.internal.lexicon.LanguageSettings;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.frontline.extract.internal.LanguagePack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

    /** Texts whose lines end or hold other separators, for the claim that words never cross a newline. */
    private static final List<String> LINE_EDGES = List.of(
            "Kyiv, Monday\r\nSix civilians were killed.\r\n\r\nNone were soldiers.\r\n",
            "\r\nStarts with a line end\r",
            "\n\n Blank lines\n \n\t\nand a space line\n",
            "Line\u2028separator\nparagraph\u2029separator\nnext\u0085line\n",
            "Vertical\u000B\ntab and form\u000C\nfeed",
            "A mark\n\u0301after a newline, a joiner\u200D\nbefore one, a word\u2060\njoiner",
            "Soft\u00AD\nhyphen, no-break space\u00A0\nand ideographic space\u3000\nend",
            "Quotes \u201Copen\n\u201D close, it\u2019s\n\u2019s and dell\u2019\nUcraina",
            "Digits 300\n000 and 3.\n5, words can\nt join",
            "Emoji \uD83D\uDE00\n\uD83D\uDE00 and a ZWJ \uD83D\uDC69\u200D\n\uD83D\uDC69",
            "Thai \u0E01\u0E32\u0E23\n\u0E23\u0E1A and Japanese \u65E5\u672C\n\u8A9E \u30AB\u30BF\n\u30AB\u30CA");

    private final Segmenter segmenter = new Segmenter("en", LanguageSettings.load("en").words("segmenter.clitics"));

    @Test
    void aSentenceJoinedToTheNextByALostSpaceEndsAtItsPoint() {
        Segmenter segmenter = new Segmenter("it", java.util.Set.of());
        assertThat(segmenter.segment("Erano stati uccisi tre israeliani.Lunedì sera i feriti sono 21.").sentences())
                .extracting(Sentence::start, Sentence::end).containsExactly(tuple(0, 34), tuple(34, 63));
        // Abbreviations and numbers keep their points.
        for (String one : List.of("The U.S.Army said 3.5 tonnes came.", "Mr.Smith said so.", "See ansa.it today.")) {
            assertThat(segmenter.segment(one).sentences()).as(one).hasSize(1);
        }
    }

    @Test
    void aRunWithNoTerminatorIsCutAfterAClauseMarkSoNoSentenceOutgrowsTheLimit() {
        StringBuilder tolls = new StringBuilder();
        for (int i = 1; i <= 1_000; i++) {
            tolls.append(i).append(" killed in village ").append(i).append(", ");
        }
        String text = "Tolls: " + tolls + "and more\nA short one.";
        List<Sentence> sentences = segmenter.segment(text).sentences();

        assertThat(sentences).hasSizeGreaterThan(1_000 * 6 / Segmenter.MAX_SENTENCE_TOKENS);
        assertThat(sentences).allSatisfy(s -> assertThat(s.tokens()).hasSizeLessThanOrEqualTo(
                Segmenter.MAX_SENTENCE_TOKENS));
        List<Sentence> cut = sentences.subList(0, sentences.size() - 2);
        assertThat(cut).allSatisfy(s -> assertThat(s.tokens().get(s.tokens().size() - 1).text()).isEqualTo(","));
        // Nothing lost or repeated: each piece starts where the one before ended.
        for (int i = 1; i < sentences.size() - 1; i++) {
            assertThat(sentences.get(i).tokens().get(0).start()).isGreaterThanOrEqualTo(sentences.get(i - 1).end());
            assertThat(text.substring(sentences.get(i - 1).end(), sentences.get(i).start())).isBlank();
        }
        assertThat(sentences.get(sentences.size() - 1).paragraph()).isEqualTo(1);
        assertThat(sentences.get(sentences.size() - 1).tokens()).hasSize(4);
    }

    @Test
    void aRunWithNoClauseMarkIsCutAtTheLimit() {
        String text = "word ".repeat(Segmenter.MAX_SENTENCE_TOKENS * 2 + 7);
        assertThat(segmenter.segment(text).sentences()).extracting(s -> s.tokens().size())
                .containsExactly(Segmenter.MAX_SENTENCE_TOKENS, Segmenter.MAX_SENTENCE_TOKENS, 7);
    }

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
        // The shortcut is only worth having if it applies to many paragraphs (a third of the corpus's).
        assertThat(shortcuts).isGreaterThan(paragraphs.size() / 4);
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

    @Test
    void wordIteratorOverTheWholeTextCutsEachParagraphAsItsOwnText() throws IOException {
        List<String> texts = new ArrayList<>(corpusTexts());
        texts.addAll(LINE_EDGES);
        for (String language : List.of("en", "it")) {
            BreakIterator words = BreakIterator.getWordInstance(new ULocale(language));
            for (String text : texts) {
                List<Piece> byParagraph = new ArrayList<>();
                for (int start = 0, end; start <= text.length(); start = end + 1) {
                    end = text.indexOf('\n', start) < 0 ? text.length() : text.indexOf('\n', start);
                    byParagraph.addAll(pieces(words, text, start, end));
                }
                List<Piece> whole = new ArrayList<>();
                for (Piece piece : pieces(words, text, 0, text.length())) {
                    // Only a lone line feed, or a carriage return bound to it by WB3, may hold a newline.
                    if (piece.text().equals("\r\n")) {
                        whole.add(new Piece(piece.start(), "\r", piece.status()));
                    } else if (!piece.text().equals("\n")) {
                        assertThat(piece.text()).as(text).doesNotContain("\n");
                        whole.add(piece);
                    }
                }
                assertThat(whole).as(text).containsExactlyElementsOf(byParagraph);
            }
        }
    }

    private record Piece(int start, String text, int status) {
    }

    @Test
    void normalFormIsTheTextLowerCasedWithPlainApostrophes() throws IOException {
        Segmenter sealed = LanguagePack.load("it").segmenter();
        List<String> texts = new ArrayList<>(corpusTexts());
        // Final sigma, dotted capital I, Deseret, sharp s, digraphs, Kelvin and Angstrom signs, elisions.
        texts.add("\u039F\u0394\u039F\u03A3 \u03A3\u0399\u03A3\u03A5\u03A6\u039F\u03A3,"
                + " \u0130stanbul D\u0130YARBAKIR, \uD801\uDC00\uD801\uDC28"
                + " Stra\u00DFe \u1E9E \u01C4emal \u01C5,"
                + " IT\u2019S L\u2019ONU DELL\u2019UCRAINA"
                + " \uD801\uDC00\u2019s \u03A3\u2019\u03A3 L'\u0130TALIA"
                + " \u00C8 \u00C0 \u0130\u0130 \u212A\u212B \u2126 300MILA Gi\u00E0 \u2019");
        for (String text : texts) {
            for (Sentence sentence : sealed.segment(text).sentences()) {
                for (Token token : sentence.tokens()) {
                    String lowered = token.isPunct() ? token.text() : token.text().toLowerCase(Locale.ROOT);
                    assertThat(token.norm()).as(token.text()).isEqualTo(lowered.replace('\u2019', '\''));
                }
            }
        }
    }

    /**
     * The ground of the segmenter's own lower-casing: String lower-cases these characters one by one, and only
     * the two apostrophes lower-case to an apostrophe, which is how the same pass finds elisions.
     */
    @Test
    void everyBmpCharacterButSigmaAndDottedCapitalILowerCasesAsInAString() {
        List<Character> different = new ArrayList<>();
        List<Character> apostrophes = new ArrayList<>();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean stringsOwn = Character.isSurrogate(c) || c == '\u03A3' || c == '\u0130';
            String alone = String.valueOf(Character.toLowerCase(c));
            if (!stringsOwn && !String.valueOf(c).toLowerCase(Locale.ROOT).equals(alone)) {
                different.add(c);
            }
            if (alone.equals("'") || alone.equals("\u2019")) {
                apostrophes.add(c);
            }
        }
        assertThat(different).isEmpty();
        assertThat(apostrophes).containsExactly('\'', '\u2019');
    }

    /** The word iterator's pieces of {@code text[from, to)}, read in place, with their rule statuses. */
    private static List<Piece> pieces(BreakIterator words, String text, int from, int to) {
        words.setText(new StringCharacterIterator(text, from, to, from));
        List<Piece> pieces = new ArrayList<>();
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            pieces.add(new Piece(start, text.substring(start, end), words.getRuleStatus()));
        }
        return pieces;
    }

    @Test
    void elisionsAreCutAlsoInWordsThatStringLowerCases() {
        assertThat(segmenter.tokenize("L'\u0130TALIA \uD801\uDC00\u2019s \u03A3'\u03A3")).extracting(Token::text)
                .containsExactly("L'", "\u0130TALIA", "\uD801\uDC00", "\u2019s", "\u03A3'", "\u03A3");
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
        for (String text : corpusTexts()) {
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    paragraphs.add(line);
                }
            }
        }
        return paragraphs;
    }

    private static List<String> corpusTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path directory : List.of(Path.of("../corpus/dev"), Path.of("../seeds"))) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                    texts.add(Files.readString(file));
                }
            }
        }
        return texts;
    }
}
