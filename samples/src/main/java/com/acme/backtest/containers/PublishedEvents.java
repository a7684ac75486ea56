package com.acme.backtest.containers;

import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.events.Event;

/**
 * A metrics tap beside the real handlers: subscribed to every type on the bus where that type is published, it
 * counts each event once, however many buses the routes carry it to.
 */
final class PublishedEvents implements EventHandler {

    private long count;

    @Override
    public void handle(Event event) {
        count++;
    }

    long count() {
        return count;
    }
}
