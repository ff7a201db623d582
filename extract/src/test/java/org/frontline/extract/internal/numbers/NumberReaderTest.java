package org.frontline.extract.internal.numbers;

import org.frontline.extract.internal.lexicon.LanguageSettings;
import org.frontline.extract.internal.lexicon.Lexicon;
import org.frontline.extract.internal.text.Segmenter;
import org.frontline.extract.internal.text.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers in digits, in words and glued to a multiplier, read from the first token of a phrase. */
class NumberReaderTest {

    private static String read(String language, String phrase) {
        LanguageSettings settings = LanguageSettings.load(language);
        Segmenter segmenter = new Segmenter(language, settings.words("segmenter.clitics"));
        NumberReader reader = new NumberReader(language, new Lexicon(language, segmenter, settings));
        List<Token> tokens = segmenter.segment(phrase).sentences().get(0).tokens();
        NumberMatch match = reader.read(tokens, 0);
        return match == null ? "none" : match.value() + " " + match.start() + "-" + match.end()
                + (match.needsPerson() ? " person" : "");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|6,655 soldiers|6655 0-1",
        "en|1,5 soldiers|none",
        "en|24.02.22|none",
        "en|9.46 soldiers|none",
        "en|1.5 million people|1500000 0-2",
        "en|twenty-two people|22 0-3",
        "en|two hundred five people|205 0-3",
        "en|three thousand people|3000 0-2",
        "en|a dozen people|12 0-2",
        "en|one soldier|1 0-1 person",
        "en|an officer|1 0-1 person",
        "en|soldiers|none",
        "it|120.160 militari|120160 0-1",
        "it|1,5 milioni di persone|1500000 0-2",
        "it|ventidue morti|22 0-1",
        "it|trentunomila morti|31000 0-1",
        "it|trentamilioni di persone|30000000 0-1",
        "it|una persona|1 0-1 person",
        "it|12.34 militari|none",
    })
    void readsTheNumberAtTheFirstToken(String language, String phrase, String expected) {
        assertThat(read(language, phrase)).isEqualTo(expected);
    }

    @Test
    void digitsBeyondALongAreNotReadAsAFigure() {
        assertThat(read("en", "12,345,678 people")).isEqualTo("12345678 0-1");
        assertThat(read("en", "12,34,567 people")).isEqualTo("none");
    }
}
