package org.frontline.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Dmitry Peskov|Dmitri Peskov",
        "Dmitry Peskov|Dmitriy Peskov",
        "Dmitry Peskov|Dmitrii Peskov",
        "Dmitry Peskov|DMITRY PESKOV",
        "Dmitry Peskov|Dmítry Peskov",
        "Vladimir Putin|Vladímir Putin",
        "Volodymyr Zelensky|Volodymyr Zelenskyy",
        "Volodymyr Zelensky|Volodymyr Zelenskiy",
        "Sergei Shoigu|Sergey Shoygu",
        "Sergei Shoigu|Sergej Shoigu",
        "Alexei Navalny|Aleksei Navalny",
        "Yevgeny Prigozhin|Evgeny Prigozhin",
        "Yulia Svyrydenko|Iuliia Svyrydenko",
        "Pavlo Kyrylenko|Pavlo Kirilenko",
        "Yuriy Ihnat|Yurii Ihnat",
        "Maria Zakharova|Mariya Zakharova",
        "Smirnoff|Smirnov",
        "Seán O'Brien|Sean OBrien",
        "Jean-Pierre Lacroix|Jean Pierre Lacroix",
    })
    void spellingsOfOneNameShareAKey(String a, String b) {
        assertThat(SpeakerNames.canonicalKey(a)).isEqualTo(SpeakerNames.canonicalKey(b));
        assertThat(SpeakerNames.sameName(a, b)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Boris Johnson|Mike Johnson",
        "Dmitry Peskov|Dmitry Medvedev",
        "Vladimir Putin|Volodymyr Zelensky",
        "Andriy Yermak|Andriy Kostin",
        "Jens Stoltenberg|Stoltenberg",
        "Mikhail Mishustin|Mihail Mishustin",
    })
    void differentNamesStayApart(String a, String b) {
        assertThat(SpeakerNames.canonicalKey(a)).isNotEqualTo(SpeakerNames.canonicalKey(b));
    }

    @Test
    void keyIsFoldedWordsInOrder() {
        assertThat(SpeakerNames.canonicalKey("  Dmítry   PESKOV, ")).isEqualTo("dmitri peskov");
        assertThat(SpeakerNames.canonicalKey("Ministero della Difesa")).isEqualTo("ministero della difesa");
        assertThat(SpeakerNames.canonicalKey("")).isEmpty();
        assertThat(SpeakerNames.canonicalKey(null)).isEmpty();
        assertThat(SpeakerNames.canonicalKey("G7")).isEqualTo("g7");
    }
}
