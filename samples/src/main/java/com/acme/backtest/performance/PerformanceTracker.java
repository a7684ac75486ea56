package com.acme.backtest.performance;

import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.portfolio.Book;

/**
 * Builds the equity curve, one point per bar time. Bars of one time arrive together, so the first bar of
 * a new time closes the previous one; handed each BAR ahead of the portfolio, it reads equity before
 * any position is marked at the new prices.
 *
 * <p>Publishes nothing, so it needs no bus: engines without one call {@link #onBar} directly.
 */
public final class PerformanceTracker implements EventHandler {

    private final Book book;
    private final EquityCurve curve = new EquityCurve();
    private long currentBarTime = Long.MIN_VALUE;

    public PerformanceTracker(Book book) {
        this.book = book;
    }

    @Override
    public void handle(Event event) {
        if (!(event instanceof BarEvent bar)) {
            throw new IllegalArgumentException("performance tracker handles BAR events only, got " + event.getType());
        }
        onBar(bar);
    }

    public void onBar(BarEvent bar) {
        if (bar.getTimestamp() != currentBarTime) {
            closeCurrentBar();
            currentBarTime = bar.getTimestamp();
        }
    }

    /** Records the last bar time, which no later bar will close; call once, after the feed is done. */
    public EquityCurve finish() {
        closeCurrentBar();
        currentBarTime = Long.MIN_VALUE;
        return curve;
    }

    private void closeCurrentBar() {
        if (currentBarTime != Long.MIN_VALUE) {
            curve.add(book.equity());
        }
    }
}
