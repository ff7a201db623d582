package org.frontline.extract.internal.speakers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The count of a name's words that picks the fullest name, as {@code String.split(" ")} counts them. */
class SplitCountTest {

    @Test
    void countsAsSplitDoes() {
        String[] names = {"", " ", "  ", "Jens", "Jens Stoltenberg", " Jens", "Jens ", "a  b", " a b  "};
        for (String text : names) {
            assertThat(StatementFinder.splitCount(text)).as("'%s'", text).isEqualTo(text.split(" ").length);
        }
        Random random = new Random(7);
        for (int n = 0; n < 10_000; n++) {
            char[] text = new char[random.nextInt(8)];
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextBoolean() ? ' ' : 'a';
            }
            String name = new String(text);
            assertThat(StatementFinder.splitCount(name)).as("'%s'", name).isEqualTo(name.split(" ").length);
        }
    }
}
