package org.frontline.extract.internal.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.frontline.extract.internal.text.Segmenter;
import org.frontline.extract.internal.text.Token;
import org.junit.jupiter.api.Test;

/** The token patterns of a lexicon line: numbers as digits or words, lemmas, and frames with a gap. */
class LexiconTest {

    private final LanguageSettings settings = LanguageSettings.load("en");
    private final Segmenter segmenter = new Segmenter("en", settings.words("segmenter.clitics"));
    private final Lexicon lexicon = new Lexicon("en", segmenter, settings);

    @Test
    void aNumberInAPhraseStandsForAnyNumberInDigitsOrWords() {
        PhraseMap<String> cumulative = lexicon.map("cumulative", String::strip);
        assertThat(whole(cumulative, "over the past 15 days")).isTrue();
        assertThat(whole(cumulative, "over the past fifteen days")).isTrue();
        assertThat(whole(cumulative, "over the past twenty-one days")).isTrue();
        assertThat(whole(cumulative, "over the past many days")).isFalse();
    }

    @Test
    void aFrameIsReadByTheWordsBeforeItsGap() {
        PhraseMap<List<Lexicon.Frame<String>>> frames = lexicon.frames("outcome-frames", String::strip);
        List<Token> tokens = segmenter.tokenize("They brought 303 soldiers home");
        PhraseMap.Match<List<Lexicon.Frame<String>>> head = frames.endingAt(tokens, 2);
        assertThat(head).isNotNull();
        assertThat(head.value()).extracting(Lexicon.Frame::tail).contains(List.of("home"), List.of("back"));
        assertThat(head.value()).extracting(Lexicon.Frame::value).containsOnly("captured");
    }

    private boolean whole(PhraseMap<?> map, String text) {
        List<Token> tokens = segmenter.tokenize(text);
        PhraseMap.Match<?> match = map.at(tokens, 0);
        return match != null && match.end() == tokens.size();
    }
}
