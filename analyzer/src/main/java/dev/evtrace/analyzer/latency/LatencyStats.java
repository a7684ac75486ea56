package dev.evtrace.analyzer.latency;

import dev.evtrace.analyzer.output.Units;
import java.math.BigDecimal;
import org.HdrHistogram.Histogram;

/**
 * One metric of one event type: values in microseconds, percentiles from an HdrHistogram, count, mean and max
 * kept exactly beside it. Events that lack the metric's times are counted as missing, not recorded.
 */
final class LatencyStats {
    /** Three significant digits: every value within 0.1%; the histogram resizes to whatever range arrives. */
    private final Histogram histogram = new Histogram(3);
    private long sum;
    private long max;
    private long missing;

    void record(long micros) {
        // Two wall-clock reads around a clock step can differ by a little less than zero; HdrHistogram takes
        // only values >= 0, and zero is the truth within the clock's error.
        long value = Math.max(0, micros);
        histogram.recordValue(value);
        sum += value;
        max = Math.max(max, value);
    }

    void recordMissing() {
        missing++;
    }

    long count() {
        return histogram.getTotalCount();
    }

    long missing() {
        return missing;
    }

    /** Null when nothing was recorded, like every statistic below. */
    BigDecimal meanMillis() {
        return count() == 0 ? null : Units.meanMillis(sum, count());
    }

    /**
     * HdrHistogram answers with the top of the value's bucket (at most 0.1% high); capped at the exact max, so
     * 100 values of exactly 10 ms give p99 = max = 10.000, not 10.007.
     */
    BigDecimal percentileMillis(double percentile) {
        return count() == 0 ? null : Units.millis(Math.min(histogram.getValueAtPercentile(percentile), max));
    }

    BigDecimal maxMillis() {
        return count() == 0 ? null : Units.millis(max);
    }
}
