package org.frontline.extract.internal.speakers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The key that tells repeated quotations apart, and its hash worked out without building it. */
class WordsKeyTest {

    private static final String CHARACTERS = "abcXYZ019 ,.;:!?'\"“”«»‘’„–—-…àéìòùÀÉçñßøæœłđıĳǄǅǆ"
            + "\u00aa\u00b2\u00bc\u00b5\u0301\u2009\u200b\u2026€ДмитрийΣσς";

    @Test
    void foldsCaseAccentsAndPunctuationAway() {
        String text = "«Noi difenderemo la città», ha detto. “We’ll DEFEND the city—Ǆ!”";
        assertThat(StatementFinder.wordsKey(text, 1, 26)).isEqualTo("noidifenderemolacitta");
        assertThat(StatementFinder.wordsKey(text, 38, text.length() - 1)).isEqualTo("welldefendthecitydz");
        assertThat(StatementFinder.wordsKey("Дмитрий, 5 €", 0, 12)).isEqualTo("дмитрии5");
    }

    @Test
    void hashIsTheKeysHashCode() {
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
            }
            int start = length == 0 ? 0 : random.nextInt(length);
            String key = StatementFinder.wordsKey(text.toString(), start, length);
            assertThat(StatementFinder.wordsKeyHash(text.toString(), start, length))
                    .as("hash of the key of %s", text.substring(start)).isEqualTo(key.hashCode());
        }
    }
}
