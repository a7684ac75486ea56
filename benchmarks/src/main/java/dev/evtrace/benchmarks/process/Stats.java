package dev.evtrace.benchmarks.process;

import java.util.Arrays;
import java.util.List;

/** Medians: the harness compares medians and per-round ratios from one run, never absolute times across runs. */
public final class Stats {
    private Stats() {}

    /** The median, the mean of the middle two for an even count; NaN for none. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
