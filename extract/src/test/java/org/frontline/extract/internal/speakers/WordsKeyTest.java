package org.frontline.extract.internal.speakers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The key that tells repeated quotations apart, and the hash of its head read from the start of the text alone. */
class WordsKeyTest {

    /** Latin and punctuation (folded a character at a time), then characters that need the whole text. */
    private static final String CHARACTERS = "abcXYZ019 ,.;:!?'\"“”«»‘’„–—-…àéìòùÀÉçñßøæœłđıĳǄǅǆİ"
            + "\u00aa\u00b2\u00bc\u00b5\u2009\u200b\u2026"
            + "\u0301\u0327\u0345\u0308€ДмитрийΣσςﬁ①Ａ한नमस्ते\u0e31\ud83d\ude00";

    @Test
    void foldsCaseAccentsAndPunctuationAway() {
        String text = "«Noi difenderemo la città», ha detto. “We’ll DEFEND the city—Ǆ!”";
        assertThat(TextKeys.wordsKey(text, 1, 26)).isEqualTo("noidifenderemolacitta");
        assertThat(TextKeys.wordsKey(text, 38, text.length() - 1)).isEqualTo("welldefendthecitydz");
        assertThat(TextKeys.wordsKey("Дмитрий, 5 €", 0, 12)).isEqualTo("дмитрии5");
        assertThat(TextKeys.wordsKeyHeadHash(text, 1, 26)).isEqualTo("noidifenderemola".hashCode());
    }

    @Test
    void headBeginsTheKeyOfRandomTexts() {
        Random random = new Random(42);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
            }
            assertHeadBeginsKey(text.toString());
        }
    }

    @Test
    void headBeginsTheKeyWhateverCharacterFollowsIt() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            assertHeadBeginsKey("Noi difenderemo la città" + (char) c + "ò");
            assertHeadBeginsKey("Noi difenderemo la cittae\u0301" + (char) c + "\u0327 ok");
        }
    }

    private static void assertHeadBeginsKey(String text) {
        String key = TextKeys.wordsKey(text, 0, text.length());
        String head = key.substring(0, Math.min(key.length(), 16));
        assertThat(TextKeys.wordsKeyHeadHash(text, 0, text.length())).as("head of %s", text)
                .isEqualTo(head.hashCode());
    }
}
