package com.acme.backtest.portfolio;

/** Shares held in one symbol and the close they are marked at. */
final class Position {

    long quantity;
    double lastPrice;

    double marketValue() {
        return quantity * lastPrice;
    }
}
