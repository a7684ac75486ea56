package com.acme.backtest.performance;

import java.util.Arrays;

/** Equity at the close of each bar, and the statistics a backtest is judged by. */
public final class EquityCurve {

    private double[] values = new double[256];
    private int size;

    public void add(double equity) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = equity;
    }

    public int size() {
        return size;
    }

    public double last() {
        if (size == 0) {
            throw new IllegalStateException("equity curve is empty");
        }
        return values[size - 1];
    }

    /**
     * Mean over standard deviation (n - 1) of the per-bar returns, scaled by sqrt(barsPerYear); the risk-free
     * rate is taken as zero. Zero when there are fewer than two returns or they do not vary.
     */
    public double sharpeRatio(int barsPerYear) {
        int returns = size - 1;
        if (returns < 2) {
            return 0;
        }
        double sum = 0;
        for (int i = 1; i < size; i++) {
            sum += values[i] / values[i - 1] - 1;
        }
        double mean = sum / returns;
        // Second pass around the mean: returns are tiny, so the sum-of-squares shortcut would lose digits.
        double squares = 0;
        for (int i = 1; i < size; i++) {
            double deviation = values[i] / values[i - 1] - 1 - mean;
            squares += deviation * deviation;
        }
        double deviation = Math.sqrt(squares / (returns - 1));
        return deviation == 0 ? 0 : mean / deviation * Math.sqrt(barsPerYear);
    }

    /** Largest fall from a running peak, as a positive fraction of that peak; zero if equity never fell. */
    public double maxDrawdown() {
        double peak = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (int i = 0; i < size; i++) {
            peak = Math.max(peak, values[i]);
            worst = Math.max(worst, (peak - values[i]) / peak);
        }
        return worst;
    }
}
