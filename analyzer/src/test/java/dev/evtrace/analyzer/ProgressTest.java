package dev.evtrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final StringWriter err = new StringWriter();
    private long now;

    private Progress progress(boolean terminal) {
        return new Progress(new PrintWriter(err), terminal, () -> now);
    }

    private static void steps(Progress.Task task, int n) {
        for (int i = 0; i < n; i++) {
            task.step();
        }
    }

    @Test
    void drawsOnATerminalOnlyOnceTheScanHasRunTwoSecondsThenWipesItself() {
        long[] totalAsked = {0};
        try (Progress.Task task = progress(true).start("reading run-a", () -> {
            totalAsked[0]++;
            return 10 * Progress.CLOCK_EVERY;
        })) {
            steps(task, 3 * Progress.CLOCK_EVERY);
            assertThat(err.toString()).isEmpty();
            assertThat(totalAsked[0]).as("the footers are read only for a bar to draw").isZero();

            now += Progress.DELAY_NANOS;
            steps(task, Progress.CLOCK_EVERY);
            assertThat(err.toString()).isEqualTo("\rreading run-a [############..................]  40% 4,096/10,240");
            steps(task, Progress.CLOCK_EVERY);
            assertThat(err.toString()).as("redrawn at most five times a second").doesNotContain("50%");
            for (int i = 0; i < 5; i++) {
                now += TimeUnit.SECONDS.toNanos(1);
                steps(task, Progress.CLOCK_EVERY);
            }
            assertThat(err.toString()).endsWith("\rreading run-a [##############################] 100% 10,240/10,240");
        }
        String full = "reading run-a [##############################] 100% 10,240/10,240";
        assertThat(err.toString()).endsWith("\r" + " ".repeat(full.length()) + "\r");
        assertThat(totalAsked[0]).isEqualTo(1);
    }

    @Test
    void neverDrawsWithoutATerminal() {
        try (Progress.Task task = progress(false).start("reading run-a", () -> 1)) {
            now += 10 * Progress.DELAY_NANOS;
            steps(task, 10 * Progress.CLOCK_EVERY);
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aQuickScanLeavesNoTrace() {
        try (Progress.Task task = progress(true).start("reading run-a", () -> 1)) {
            steps(task, 10 * Progress.CLOCK_EVERY);
        }
        assertThat(err.toString()).isEmpty();
    }
}
