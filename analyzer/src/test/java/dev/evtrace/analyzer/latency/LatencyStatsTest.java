package dev.evtrace.analyzer.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    @Test
    void percentilesAreWithinATenthOfAPercent() {
        LatencyStats stats = new LatencyStats();
        for (long ms = 1; ms <= 1_000; ms++) {
            stats.record(ms * 1_000);
        }
        assertThat(stats.count()).isEqualTo(1_000);
        assertThat(stats.meanMillis()).isEqualByComparingTo("500.500");
        assertThat(stats.percentileMillis(50).doubleValue()).isBetween(500.0, 500.5);
        assertThat(stats.percentileMillis(99).doubleValue()).isBetween(990.0, 991.0);
        assertThat(stats.maxMillis()).isEqualByComparingTo("1000.000");
    }

    @Test
    void percentilesNeverExceedTheExactMax() {
        LatencyStats stats = new LatencyStats();
        stats.record(10_001);
        assertThat(stats.percentileMillis(100)).isEqualByComparingTo("10.001");
    }

    @Test
    void negativeDifferencesCountAsZero() {
        LatencyStats stats = new LatencyStats();
        stats.record(-3);
        assertThat(stats.count()).isEqualTo(1);
        assertThat(stats.maxMillis()).isEqualByComparingTo("0");
    }

    @Test
    void nothingRecordedGivesNoStatistics() {
        LatencyStats stats = new LatencyStats();
        stats.recordMissing();
        assertThat(stats.missing()).isEqualTo(1);
        assertThat(stats.meanMillis()).isNull();
        assertThat(stats.percentileMillis(50)).isNull();
        assertThat(stats.maxMillis()).isNull();
    }
}
