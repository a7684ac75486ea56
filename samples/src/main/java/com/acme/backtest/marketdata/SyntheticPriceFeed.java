package com.acme.backtest.marketdata;

import com.acme.backtest.events.BarEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Simulates the market: for every trading day one BAR per symbol, all symbols of a day before any symbol
 * of the next, as a live feed would deliver the daily closes.
 */
public final class SyntheticPriceFeed implements PriceFeed {

    private static final LocalDate FIRST_DAY = LocalDate.of(2005, 1, 3);

    private final MarketFactor market;
    private final List<PricePath> paths;
    private final TradingCalendar calendar = new TradingCalendar(FIRST_DAY);

    public SyntheticPriceFeed(int symbols, long seed, int stepsPerBar) {
        SplittableRandom root = new SplittableRandom(seed);
        this.market = new MarketFactor(root.split(), stepsPerBar);
        this.paths = new ArrayList<>(symbols);
        for (int i = 0; i < symbols; i++) {
            paths.add(new PricePath(String.format(Locale.ROOT, "SYM%03d", i), root.split(), stepsPerBar));
        }
    }

    @Override
    public List<BarEvent> nextBars() {
        long close = calendar.nextClose();
        market.nextDay();
        List<BarEvent> bars = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            bars.add(paths.get(i).nextBar(close, market));
        }
        return bars;
    }
}
