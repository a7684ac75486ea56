package com.acme.backtest.marketdata;

import com.acme.backtest.events.BarEvent;

import java.util.List;

/**
 * A market simulated once and kept in memory (about 40 bytes a bar), so that several backtests trade the same
 * market without each paying for the simulation, which is most of a run's time. Never changes once recorded,
 * so runs on different threads may replay it at once; each replay makes its own events.
 */
public final class MarketRecording {

    private final int days;
    private final String[] symbols;
    private final long[] closeTimes;
    // Indexed by day * symbols + symbol.
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final long[] volume;

    private MarketRecording(int days, int symbolCount) {
        this.days = days;
        this.symbols = new String[symbolCount];
        this.closeTimes = new long[days];
        this.open = new double[days * symbolCount];
        this.high = new double[days * symbolCount];
        this.low = new double[days * symbolCount];
        this.close = new double[days * symbolCount];
        this.volume = new long[days * symbolCount];
    }

    /** Records the feed's next {@code days} trading days, which must have the same symbols each day. */
    public static MarketRecording record(PriceFeed feed, int days) {
        List<BarEvent> first = feed.nextBars();
        MarketRecording recording = new MarketRecording(days, first.size());
        for (int s = 0; s < first.size(); s++) {
            recording.symbols[s] = first.get(s).getSymbol();
        }
        recording.add(0, first);
        for (int day = 1; day < days; day++) {
            recording.add(day, feed.nextBars());
        }
        return recording;
    }

    /** A feed that plays the recording back from its first day. */
    public PriceFeed replay() {
        return new MarketReplay(this);
    }

    int days() {
        return days;
    }

    int symbolCount() {
        return symbols.length;
    }

    BarEvent bar(int day, int symbol) {
        int i = day * symbols.length + symbol;
        return new BarEvent(closeTimes[day], symbols[symbol], open[i], high[i], low[i], close[i], volume[i]);
    }

    private void add(int day, List<BarEvent> bars) {
        if (bars.size() != symbols.length) {
            throw new IllegalArgumentException("day " + day + " has " + bars.size() + " bars, the first had "
                    + symbols.length);
        }
        closeTimes[day] = bars.get(0).getTimestamp();
        for (int s = 0; s < bars.size(); s++) {
            BarEvent bar = bars.get(s);
            int i = day * symbols.length + s;
            open[i] = bar.getOpen();
            high[i] = bar.getHigh();
            low[i] = bar.getLow();
            close[i] = bar.getClose();
            volume[i] = bar.getVolume();
        }
    }
}
