package dev.evtrace.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.benchmarks.process.Tally;
import dev.evtrace.benchmarks.process.Variant;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void withoutStartUpRunsOrAShortBacktestTheReportLeavesTheirFiguresOut() {
        Map<Variant, Tally> tallies = new EnumMap<>(Variant.class);
        for (Variant v : Variant.values()) {
            Tally t = new Tally();
            double seconds = v == Variant.TRACED ? 7.5 : 3.8;
            for (List<Double> values : List.of(t.elapsedSeconds, t.wallSeconds, t.cpuSeconds)) {
                values.add(seconds);
            }
            for (List<Double> values : List.of(t.elapsedRatios, t.wallRatios, t.cpuRatios)) {
                values.add(seconds / 3.8);
            }
            for (List<Double> values : List.of(t.heapAfterGc, t.heapCommitted, t.written, t.dropped, t.waitingMillis,
                    t.storeBytes, t.waitingShares)) {
                values.add(v == Variant.TRACED ? 1.0e6 : 0.0);
            }
            tallies.put(v, t);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new EndToEndReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), tallies, 1 << 20).print();

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("cpu: tracing adds 3.70 s of CPU (all threads) to the backtest\n")
                .doesNotContain("NaN").doesNotContain("start-up,").contains("tracer.jar: 1048576 bytes");
    }

    @Test
    void aGoalIsResolvedWhenTheUntracedRunsAgreeWithinIt() {
        assertThat(EndToEndReport.goalLine("traced", List.of(1.012, 1.018, 1.009), List.of(20.1, 20.3, 20.2), 1.02))
                .isEqualTo("goal: traced elapsed <= 1.020 x untraced: met (1.012, +1.2%; rounds 1.012, 1.018, 1.009)");
        assertThat(EndToEndReport.goalLine("traced", List.of(1.050, 1.060), List.of(20.0, 20.2), 1.02))
                .startsWith("goal: traced elapsed <= 1.020 x untraced: NOT met (1.055, +5.5%; rounds 1.050, 1.060)")
                .doesNotContain("not resolved");
        assertThat(EndToEndReport.goalLine("tracer.enabled=false", List.of(1.001), List.of(20.0), 1.005))
                .endsWith("; not resolved: with one round, the host's drift is unknown");
    }

    @Test
    void onADriftingHostAGoalIsResolvedWhenTheRoundsSplitAboutItUnevenlyEnoughForTheSignTest() {
        assertThat(EndToEndReport.goalLine("traced", List.of(1.064, 1.064, 1.041, 1.050, 1.031),
                List.of(12.19, 12.56, 13.27, 12.40, 12.90), 1.02))
                .isEqualTo("goal: traced elapsed <= 1.020 x untraced: NOT met (1.050, +5.0%; rounds 1.064, 1.064, 1.041,"
                        + " 1.050, 1.031)");
        assertThat(EndToEndReport.goalLine("traced", List.of(1.010, 0.990, 1.030, 1.005, 0.998, 1.012, 1.001, 1.004),
                List.of(14.9, 14.3, 14.8, 15.2, 14.6, 14.5, 14.7, 14.8), 1.02))
                .as("seven rounds of eight under the goal: p 0.07")
                .isEqualTo("goal: traced elapsed <= 1.020 x untraced: met (1.005, +0.4%; rounds 1.010, 0.990, 1.030, 1.005,"
                        + " 0.998, 1.012, 1.001, 1.004)");
        assertThat(EndToEndReport.goalLine("traced", List.of(1.010, 0.990, 1.030, 1.005, 0.998, 1.012, 1.001),
                List.of(14.9, 14.3, 14.8, 15.2, 14.6, 14.5, 14.7), 1.02))
                .as("six rounds of seven under the goal: p 0.125")
                .endsWith("; not resolved: the untraced runs took times 6.1% apart, more than the 2.0% the goal allows,"
                        + " and 1 of 7 rounds over the goal is a split the host's noise gives often (sign test p 0.13;"
                        + " 0.10 or less tells)");
        assertThat(EndToEndReport.goalLine("traced", List.of(1.064, 1.064, 1.041), List.of(12.19, 12.56, 13.27), 1.02))
                .as("three rounds of three: p 0.25")
                .endsWith("; not resolved: the untraced runs took times 8.6% apart, more than the 2.0% the goal allows,"
                        + " and 3 of 3 rounds over the goal is a split the host's noise gives often (sign test p 0.25;"
                        + " 0.10 or less tells)");
        assertThat(EndToEndReport.goalLine("traced", List.of(0.999, 0.902, 1.336), List.of(25.68, 27.77, 21.30), 1.02))
                .isEqualTo("goal: traced elapsed <= 1.020 x untraced: met (0.999, -0.1%; rounds 0.999, 0.902, 1.336);"
                        + " not resolved: the untraced runs took times 25.2% apart, more than the 2.0% the goal allows,"
                        + " and 1 of 3 rounds over the goal is a split the host's noise gives often (sign test p 1.00;"
                        + " 0.10 or less tells)");
    }
}
