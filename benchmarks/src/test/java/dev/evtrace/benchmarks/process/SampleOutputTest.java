package dev.evtrace.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleOutputTest {
    private static final String TRACED_STDERR = """
            OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes
            tracer: instrumented com.acme.backtest.bus.EventBus#publish (1 bus classes), 5 handler classes, store /tmp/s, run r1
            elapsed: 5.43 s
            tracer: 113713 events written to /tmp/s, 1 (run backtest_20261125_033932_66a4aa01), 2 dropped, 345 ms waiting for buffer space
            """;

    @Test
    void readsTheSamplesElapsedLine() {
        assertThat(SampleOutput.elapsedSeconds(TRACED_STDERR)).isEqualTo(5.43);
    }

    @Test
    void readsTheTracersExitLineEvenWithACommaInTheStorePath() {
        assertThat(SampleOutput.exitLine(TRACED_STDERR)).isEqualTo(new SampleOutput.ExitLine(113_713, 2, 345));
    }

    @Test
    void readsTheExitLineWithTheWritersCpuAfterIt() {
        String stderr = "tracer: 113713 events written to /tmp/s (run r1), 0 dropped, 12 ms waiting for buffer space, "
                + "the writer's CPU 0.71 s\n";
        assertThat(SampleOutput.exitLine(stderr)).isEqualTo(new SampleOutput.ExitLine(113_713, 0, 12));
    }

    @Test
    void readsEventsPublishedFromTheResultsBlock() {
        assertThat(SampleOutput.eventsPublished("backtest: 20 symbols\nevents published: 1137130\ntrades: 3\n"))
                .isEqualTo(1_137_130);
    }

    @Test
    void readsTheSweepsTotalAfterEachRunsOwnCount() {
        assertThat(SampleOutput.eventsPublished("events published: 127057\nevents published: 113713\n"
                + "backtest: sweep\nevents published: 240770\n")).isEqualTo(240_770);
    }

    @Test
    void readsWhenTheProbesMainWasEntered() {
        assertThat(SampleOutput.mainEnteredMicros(TimeToMain.PREFIX + "1764041234567890\n"))
                .isEqualTo(1_764_041_234_567_890L);
    }

    @Test
    void namesTheMissingLine() {
        assertThatThrownBy(() -> SampleOutput.elapsedSeconds("samples: --bars must be an integer"))
                .hasMessageContaining("'elapsed: X s'");
    }
}
