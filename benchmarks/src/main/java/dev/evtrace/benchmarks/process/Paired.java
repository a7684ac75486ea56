package dev.evtrace.benchmarks.process;

import static dev.evtrace.benchmarks.process.Stats.median;

import java.util.ArrayList;
import java.util.List;

/**
 * One measure of two variants run in pairs: the medians of each, the median of the differences within pairs
 * (b − a), and in how many pairs b was the lower. Within a pair the two runs are seconds apart, so the host's
 * drift, which moves both, mostly cancels in the difference.
 */
public record Paired(double medianA, double medianB, double medianDifference, int bLower, int pairs) {
    public static Paired of(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("unpaired: " + a.size() + " and " + b.size() + " values");
        }
        List<Double> differences = new ArrayList<>();
        int lower = 0;
        for (int i = 0; i < a.size(); i++) {
            double d = b.get(i) - a.get(i);
            differences.add(d);
            if (d < 0) {
                lower++;
            }
        }
        return new Paired(median(a), median(b), median(differences), lower, a.size());
    }
}
