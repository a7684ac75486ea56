package dev.evtrace.benchmarks.process;

import static dev.evtrace.benchmarks.process.Stats.median;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * One measure of two variants run in pairs: the medians of each, the median of the differences within pairs
 * (b − a), in how many pairs b was the lower and in how many the higher, and the sign test's p: how often two
 * identical variants would split the pairs at least as unevenly (exact, two-sided; pairs that tie are left out;
 * NaN when all do). Within a pair the two runs are seconds apart, so the host's drift, which moves both, mostly
 * cancels in the difference; what is left is noise that only the count of pairs can weigh.
 */
public record Paired(double medianA, double medianB, double medianDifference, int bLower, int bHigher, int pairs,
                     double p) {
    public static Paired of(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("unpaired: " + a.size() + " and " + b.size() + " values");
        }
        List<Double> differences = new ArrayList<>();
        int lower = 0;
        int higher = 0;
        for (int i = 0; i < a.size(); i++) {
            double d = b.get(i) - a.get(i);
            differences.add(d);
            if (d < 0) {
                lower++;
            } else if (d > 0) {
                higher++;
            }
        }
        // Symmetric under the null hypothesis: twice the tail of the rarer side. (commons-math3's BinomialTest counts
        // the middle outcome twice when the pairs split evenly, and answers more than 1.)
        double p = lower + higher == 0 ? Double.NaN : Math.min(1.0,
                2 * new BinomialDistribution(null, lower + higher, 0.5).cumulativeProbability(Math.min(lower, higher)));
        return new Paired(median(a), median(b), median(differences), lower, higher, a.size(), p);
    }
}
