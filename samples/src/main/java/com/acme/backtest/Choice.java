package com.acme.backtest;

/** One of a fixed set of values a flag takes, such as a mode; {@link Args} matches it by its flag text. */
interface Choice {

    String flag();
}
