package com.acme.backtest.marketdata;

import com.acme.backtest.bus.EventBus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Drives the backtest: for every trading day it publishes one BAR per symbol, all symbols of a day
 * before any symbol of the next, as a live feed would deliver the daily closes.
 */
public final class SyntheticPriceFeed {

    private static final LocalDate FIRST_DAY = LocalDate.of(2005, 1, 3);

    private final EventBus bus;
    private final MarketFactor market;
    private final List<PricePath> paths;
    private final TradingCalendar calendar = new TradingCalendar(FIRST_DAY);

    public SyntheticPriceFeed(EventBus bus, int symbols, long seed, int stepsPerBar) {
        this.bus = bus;
        SplittableRandom root = new SplittableRandom(seed);
        this.market = new MarketFactor(root.split(), stepsPerBar);
        this.paths = new ArrayList<>(symbols);
        for (int i = 0; i < symbols; i++) {
            paths.add(new PricePath(String.format(Locale.ROOT, "SYM%03d", i), root.split(), stepsPerBar));
        }
    }

    /** Publishes the next trading day's bar for every symbol. */
    public void publishNextBars() {
        long close = calendar.nextClose();
        market.nextDay();
        for (int i = 0; i < paths.size(); i++) {
            bus.publish(paths.get(i).nextBar(close, market));
        }
    }
}
