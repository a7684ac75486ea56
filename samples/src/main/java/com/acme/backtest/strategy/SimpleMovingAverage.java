package com.acme.backtest.strategy;

/** Arithmetic mean of the last {@code period} prices, updated in O(1) per price. */
public final class SimpleMovingAverage {

    private final RollingWindow window;

    public SimpleMovingAverage(int period) {
        this.window = new RollingWindow(period);
    }

    public void add(double price) {
        window.add(price);
    }

    /** True once {@code period} prices have been added; before that there is no average to trust. */
    public boolean isReady() {
        return window.isFull();
    }

    public double value() {
        if (!isReady()) {
            throw new IllegalStateException("average needs " + window.capacity() + " prices before it has a value");
        }
        return window.mean();
    }
}
