package org.frontline.streams.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class SortKeyTest {

    @Test
    void numbersSortAsNumbersWhateverTheirSign() {
        List<Bytes> keys = new ArrayList<>();
        for (long n : new long[] {Long.MAX_VALUE, 1_000_000, 256, 255, 1, 0, -1, -300, Long.MIN_VALUE}) {
            keys.add(SortKey.in("t").number(n).bytes());
        }
        assertThat(keys).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void ascendingStringsSortWithShorterPrefixesFirst() {
        assertThat(SortKey.in("t").ascending("2024").bytes())
                .isLessThan(SortKey.in("t").ascending("2024-01").bytes())
                .isGreaterThan(SortKey.in("t").ascending(null).bytes());
        assertThat(SortKey.in("t").ascending("Zürich").bytes())
                .isGreaterThan(SortKey.in("t").ascending("Zurich").bytes());
    }

    @Test
    void descendingStringsSortInReverseIncludingPrefixes() {
        assertThat(SortKey.in("t").descending("Abel").bytes())
                .isGreaterThan(SortKey.in("t").descending("Able").bytes());
        assertThat(SortKey.in("t").descending("Abe").bytes()).isGreaterThan(SortKey.in("t").descending("Abel").bytes());
    }

    @Test
    void aTallysRangeHoldsItsKeysAndNoOtherTallys() {
        Bytes first = SortKey.first("killed|civilians|UA");
        Bytes last = SortKey.last("killed|civilians|UA");
        Bytes inside = SortKey.in("killed|civilians|UA").number(Long.MAX_VALUE).descending("\uFFFF").bytes();
        Bytes longerTally = SortKey.in("killed|civilians|UA2").number(0).bytes();
        Bytes shorterTally = SortKey.in("killed|civilians|U").number(Long.MAX_VALUE).bytes();

        assertThat(inside).isBetween(first, last);
        assertThat(longerTally).isGreaterThan(last);
        assertThat(shorterTally).isLessThan(first);
    }
}
