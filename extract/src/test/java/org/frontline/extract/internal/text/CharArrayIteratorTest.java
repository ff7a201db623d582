package org.frontline.extract.internal.text;

import org.junit.jupiter.api.Test;

import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CharArrayIteratorTest {

    private static final String TEXT = "Kyiv\n\u201CSix killed,\u201D he said. \uD83D\uDE00 ok";

    @Test
    void movesAsStringCharacterIteratorDoesOverEveryRange() {
        Random random = new Random(29);
        for (int begin = 0; begin <= TEXT.length(); begin++) {
            for (int end = begin; end <= TEXT.length(); end++) {
                for (int position = begin; position <= end; position++) {
                    long seed = random.nextLong();
                    CharacterIterator expected = new StringCharacterIterator(TEXT, begin, end, position);
                    CharacterIterator actual = new CharArrayIterator(TEXT.toCharArray(), begin, end, position);
                    assertThat(walk(actual, seed, begin, end)).isEqualTo(walk(expected, seed, begin, end));
                }
            }
        }
    }

    /** What a random series of moves returns, each with the index after it. */
    private static List<String> walk(CharacterIterator iterator, long seed, int begin, int end) {
        Random moves = new Random(seed);
        List<Function<CharacterIterator, Character>> steps = List.of(CharacterIterator::first,
                CharacterIterator::last, CharacterIterator::current, CharacterIterator::next,
                CharacterIterator::previous, i -> i.setIndex(begin + moves.nextInt(end - begin + 1)),
                i -> ((CharacterIterator) i.clone()).next());
        List<String> seen = new ArrayList<>();
        seen.add(iterator.getBeginIndex() + " " + iterator.getEndIndex() + " " + iterator.getIndex());
        for (int step = 0; step < 40; step++) {
            char c = steps.get(moves.nextInt(steps.size())).apply(iterator);
            seen.add((int) c + "@" + iterator.getIndex());
        }
        return seen;
    }

    @Test
    void refusesWhatStringCharacterIteratorRefuses() {
        char[] chars = TEXT.toCharArray();
        assertThatThrownBy(() -> new CharArrayIterator(chars, 3, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CharArrayIterator(chars, 0, chars.length + 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CharArrayIterator(chars, 2, 5, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CharArrayIterator(chars, 2, 5, 2).setIndex(1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
