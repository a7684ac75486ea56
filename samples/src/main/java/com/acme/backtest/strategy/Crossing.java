package com.acme.backtest.strategy;

/** What the fast average did relative to the slow one on the latest price. */
public enum Crossing {
    NONE,
    /** Fast average moved from below to above the slow one. */
    UP,
    /** Fast average moved from above to below the slow one. */
    DOWN
}
