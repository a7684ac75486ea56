package com.acme.backtest.queue;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.FillEvent;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.SignalEvent;
import com.acme.backtest.portfolio.Book;

import java.util.Queue;

/** The book as a queue-engine handler: marks on each bar, queues the order a signal needs, books fills. */
public final class QueuePortfolio {

    private final Book book;

    QueuePortfolio(Book book) {
        this.book = book;
    }

    public void onBarEvent(BarEvent bar) {
        book.markToMarket(bar);
    }

    public void onSignalEvent(SignalEvent signal, Queue<Event> queue) {
        OrderEvent order = book.rebalance(signal);
        if (order != null) {
            queue.add(order);
        }
    }

    public void onFillEvent(FillEvent fill, Queue<Event> queue) {
        queue.add(book.record(fill));
    }
}
