package com.acme.backtest.guava;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.FillEvent;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.SignalEvent;
import com.acme.backtest.portfolio.Book;
import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;

/** The book as a Guava subscriber: marks on each bar, posts the order a signal needs, books fills. */
public final class GuavaPortfolio {

    private final EventBus bus;
    private final Book book;

    GuavaPortfolio(EventBus bus, Book book) {
        this.bus = bus;
        this.book = book;
    }

    @Subscribe
    public void onBar(BarEvent bar) {
        book.markToMarket(bar);
    }

    @Subscribe
    public void onSignal(SignalEvent signal) {
        OrderEvent order = book.rebalance(signal);
        if (order != null) {
            bus.post(order);
        }
    }

    @Subscribe
    public void onFill(FillEvent fill) {
        bus.post(book.record(fill));
    }
}
