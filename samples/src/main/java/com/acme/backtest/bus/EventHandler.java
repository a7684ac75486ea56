package com.acme.backtest.bus;

import com.acme.backtest.events.Event;

/** Reacts to events of the types it was subscribed to; may publish further events while handling. */
public interface EventHandler {

    void handle(Event event);
}
