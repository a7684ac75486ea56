package com.acme.backtest.portfolio;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.FillEvent;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.SignalEvent;

/**
 * The book on the bus: marks positions to market on BAR, turns each SIGNAL into an ORDER for the difference
 * between the position the signal wants and the one held, and books each FILL, publishing the PORTFOLIO state.
 */
public final class Portfolio implements EventHandler {

    private final EventBus bus;
    private final Book book;

    public Portfolio(EventBus bus, Book book) {
        this.bus = bus;
        this.book = book;
    }

    @Override
    public void handle(Event event) {
        switch (event.getType()) {
            case BAR -> book.markToMarket((BarEvent) event);
            case SIGNAL -> {
                OrderEvent order = book.rebalance((SignalEvent) event);
                if (order != null) {
                    bus.publish(order);
                }
            }
            case FILL -> bus.publish(book.record((FillEvent) event));
            default -> throw new IllegalArgumentException("portfolio does not handle " + event.getType());
        }
    }
}
