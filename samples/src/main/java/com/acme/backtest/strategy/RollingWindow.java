package com.acme.backtest.strategy;

/** The last {@code capacity} values in a ring buffer, with their running sum and sum of squares. */
final class RollingWindow {

    private final double[] values;
    private int next;
    private int count;
    private double sum;
    private double sumOfSquares;

    RollingWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.values = new double[capacity];
    }

    void add(double value) {
        if (count == values.length) {
            double evicted = values[next];
            sum -= evicted;
            sumOfSquares -= evicted * evicted;
        } else {
            count++;
        }
        values[next] = value;
        sum += value;
        sumOfSquares += value * value;
        next = next + 1 == values.length ? 0 : next + 1;
    }

    boolean isFull() {
        return count == values.length;
    }

    int capacity() {
        return values.length;
    }

    double mean() {
        return sum / count;
    }

    /** Sample variance (n - 1); the running sums make it O(1) per bar. */
    double variance() {
        if (count < 2) {
            return 0;
        }
        double mean = mean();
        // Clamp: cancellation can push a true zero slightly negative.
        return Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1));
    }
}
