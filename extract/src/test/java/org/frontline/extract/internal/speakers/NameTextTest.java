package org.frontline.extract.internal.speakers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests on names' texts that replace building strings: as split and concatenation would answer. */
class NameTextTest {

    private final Random random = new Random(7);

    @Test
    void splitCountCountsAsSplitDoes() {
        String[] names = {"", " ", "  ", "Jens", "Jens Stoltenberg", " Jens", "Jens ", "a  b", " a b  "};
        for (String name : names) {
            assertThat(TextKeys.splitCount(name)).as("'%s'", name).isEqualTo(name.split(" ").length);
        }
        for (int n = 0; n < 10_000; n++) {
            String name = randomText(8);
            assertThat(TextKeys.splitCount(name)).as("'%s'", name).isEqualTo(name.split(" ").length);
        }
    }

    @Test
    void containsWordsAsPaddedContainsDoes() {
        assertThat(TextKeys.containsWords("ministero della difesa", "difesa")).isTrue();
        assertThat(TextKeys.containsWords("ministero della difesa", "della dif")).isFalse();
        for (int n = 0; n < 50_000; n++) {
            String text = randomText(9);
            String words = randomText(4);
            assertThat(TextKeys.containsWords(text, words)).as("'%s' in '%s'", words, text)
                    .isEqualTo((" " + text + " ").contains(" " + words + " "));
        }
    }

    private String randomText(int longest) {
        char[] text = new char[random.nextInt(longest)];
        for (int i = 0; i < text.length; i++) {
            text[i] = " ab".charAt(random.nextInt(3));
        }
        return new String(text);
    }
}
