package com.acme.backtest.marketdata;

import java.util.SplittableRandom;

/**
 * The shocks every symbol shares on one day: the overnight gap and each intraday step. Symbols mix these
 * with their own shocks, which is what makes them move together and lets a crowded book lose all at once.
 */
final class MarketFactor {

    private final SplittableRandom random;
    // Index 0 is the overnight gap, 1..steps the intraday steps.
    private final double[] shocks;

    MarketFactor(SplittableRandom random, int stepsPerBar) {
        this.random = random;
        this.shocks = new double[stepsPerBar + 1];
    }

    /** Draws the next day's shocks, overwriting the previous day's. */
    void nextDay() {
        for (int i = 0; i < shocks.length; i++) {
            shocks[i] = random.nextGaussian();
        }
    }

    double gapShock() {
        return shocks[0];
    }

    double stepShock(int step) {
        return shocks[step + 1];
    }
}
