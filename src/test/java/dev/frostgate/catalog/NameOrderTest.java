package dev.frostgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameOrderTest {

    @Test
    void namesAreOrderedByCodePointWithPrefixesFirst() {
        List<String> names = List.of("\uD83D\uDE00", "b", "\uFF5E", "", "ab", "a", "B", "\uD83D\uDE00a");

        assertThat(names.stream().sorted(NameOrder.NAMES))
                .containsExactly("", "B", "a", "ab", "b", "\uFF5E", "\uD83D\uDE00", "\uD83D\uDE00a");
    }

    @Test
    void aCharacterBeyondU_FFFFSortsAfterOneBelowItUnlikeStringCompareTo() {
        String emoji = "\uD83D\uDE00";
        String fullwidthTilde = "\uFF5E";

        assertThat(emoji.compareTo(fullwidthTilde)).as("UTF-16 order, which NameOrder must not be").isNegative();
        assertThat(NameOrder.NAMES.compare(emoji, fullwidthTilde)).isPositive();
        assertThat(NameOrder.NAMES.compare("same", "same")).isZero();
    }
}
