package dev.evtrace.analyzer.latency;

import dev.evtrace.analyzer.output.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One metric of one group of events: values in microseconds, percentiles from an HdrHistogram, count, mean and
 * max kept exactly beside it. Events that lack the metric's times are counted as missing, not recorded.
 */
public final class LatencyStats {
    /** Three significant digits: every value within 0.1%; the histogram resizes to whatever range arrives. */
    private final Histogram histogram = new Histogram(3);
    private long sum;
    private long max;
    private long missing;

    /** A point of the percentile curve: {@code percentile} in [0, 100], the value there in milliseconds. */
    public record Point(double percentile, BigDecimal millis) {}

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

    public long count() {
        return histogram.getTotalCount();
    }

    public long missing() {
        return missing;
    }

    /** Null when nothing was recorded, like every statistic below. */
    public BigDecimal meanMillis() {
        return count() == 0 ? null : Units.meanMillis(sum, count());
    }

    /**
     * HdrHistogram answers with the top of the value's bucket (at most 0.1% high); capped at the exact max, so
     * 100 values of exactly 10 ms give p99 = max = 10.000, not 10.007.
     */
    public BigDecimal percentileMillis(double percentile) {
        return count() == 0 ? null : Units.millis(Math.min(histogram.getValueAtPercentile(percentile), max));
    }

    public BigDecimal maxMillis() {
        return count() == 0 ? null : Units.millis(max);
    }

    /**
     * The percentile curve HdrHistogram's plotter draws: points ever closer together towards 100%,
     * {@code ticksPerHalfDistance} for each halving of the distance to it, ending at the max.
     */
    public List<Point> percentileCurve(int ticksPerHalfDistance) {
        List<Point> points = new ArrayList<>();
        if (count() == 0) {
            return points;
        }
        for (HistogramIterationValue v : histogram.percentiles(ticksPerHalfDistance)) {
            points.add(new Point(v.getPercentileLevelIteratedTo(), Units.millis(Math.min(v.getValueIteratedTo(), max))));
        }
        return points;
    }
}
