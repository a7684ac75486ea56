package com.acme.backtest.strategy;

/** Annualized standard deviation of close-to-close log returns over a rolling window. */
final class RealizedVolatility {

    private static final double BARS_PER_YEAR = 252;

    private final RollingWindow returns;
    private double previousClose = Double.NaN;

    RealizedVolatility(int period) {
        this.returns = new RollingWindow(period);
    }

    void add(double close) {
        if (!Double.isNaN(previousClose)) {
            returns.add(Math.log(close / previousClose));
        }
        previousClose = close;
    }

    boolean isReady() {
        return returns.isFull();
    }

    double value() {
        return Math.sqrt(returns.variance() * BARS_PER_YEAR);
    }
}
