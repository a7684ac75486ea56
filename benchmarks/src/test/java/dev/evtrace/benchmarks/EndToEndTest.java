package dev.evtrace.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EndToEndTest {
    private static final List<String> ARGS = List.of("--symbols", "20", "--bars", "50000", "--seed", "42", "--mode", "sync");

    @Test
    void theShortBacktestHasATenthOfTheBarsUnlessTold() {
        assertThat(EndToEnd.shortArgs(ARGS, null))
                .containsExactly("--symbols", "20", "--bars", "5000", "--seed", "42", "--mode", "sync");
        assertThat(EndToEnd.shortArgs(ARGS, 2000))
                .containsExactly("--symbols", "20", "--bars", "2000", "--seed", "42", "--mode", "sync");
    }

    @Test
    void noShortBacktestWhenToldSoOrWhenTheBarsAreNotGiven() {
        assertThat(EndToEnd.shortArgs(ARGS, 0)).isEmpty();
        assertThat(EndToEnd.shortArgs(List.of("--symbols", "20", "--seed", "42"), null)).isEmpty();
        assertThat(EndToEnd.shortArgs(List.of("--bars", "5"), null)).isEmpty();
    }
}
