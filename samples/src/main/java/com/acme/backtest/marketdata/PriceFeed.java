package com.acme.backtest.marketdata;

import com.acme.backtest.events.BarEvent;

import java.util.List;

/** Where a backtest's bars come from: a trading day at a time, every symbol of a day before any of the next. */
public interface PriceFeed {

    /** The next trading day's bars, one per symbol, in symbol order; new events on every call. */
    List<BarEvent> nextBars();
}
