package com.acme.backtest.strategy;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.SignalEvent;

/** The strategy on the bus: on each BAR, publishes the SIGNAL the crossover rules give, if any. */
public final class MovingAverageCrossoverStrategy implements EventHandler {

    private final EventBus bus;
    private final CrossoverSignals signals;

    public MovingAverageCrossoverStrategy(EventBus bus, CrossoverSignals signals) {
        this.bus = bus;
        this.signals = signals;
    }

    @Override
    public void handle(Event event) {
        if (!(event instanceof BarEvent bar)) {
            throw new IllegalArgumentException("strategy handles BAR events only, got " + event.getType());
        }
        SignalEvent signal = signals.onBar(bar);
        if (signal != null) {
            bus.publish(signal);
        }
    }
}
