package com.acme.backtest.strategy;

/** Wilder's average true range: seeded with a plain mean of the first {@code period} ranges, then smoothed. */
final class AverageTrueRange {

    private final int period;
    private double previousClose = Double.NaN;
    private int count;
    private double value;

    AverageTrueRange(int period) {
        this.period = period;
    }

    void add(double high, double low, double close) {
        double trueRange = high - low;
        if (!Double.isNaN(previousClose)) {
            // An overnight gap counts as range: measure from yesterday's close when it lies outside today's bar.
            trueRange = Math.max(trueRange, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
        }
        previousClose = close;
        if (count < period) {
            count++;
            value += (trueRange - value) / count;
        } else {
            value = (value * (period - 1) + trueRange) / period;
        }
    }

    boolean isReady() {
        return count >= period;
    }

    double value() {
        return value;
    }
}
