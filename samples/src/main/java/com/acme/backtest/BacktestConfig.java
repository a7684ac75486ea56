package com.acme.backtest;

/**
 * What to simulate: how many symbols, how many daily bars of each, and the seed that makes the prices.
 */
public record BacktestConfig(int symbols, int bars, long seed) {

    public static final BacktestConfig DEFAULT = new BacktestConfig(20, 5000, 42);
}
