package com.acme.backtest.guava;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.SignalEvent;
import com.acme.backtest.strategy.CrossoverSignals;
import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;

/** The crossover strategy as a Guava subscriber: posts the signal a bar triggers, if any. */
public final class GuavaStrategy {

    private final EventBus bus;
    private final CrossoverSignals signals;

    GuavaStrategy(EventBus bus, CrossoverSignals signals) {
        this.bus = bus;
        this.signals = signals;
    }

    @Subscribe
    public void onBar(BarEvent bar) {
        SignalEvent signal = signals.onBar(bar);
        if (signal != null) {
            bus.post(signal);
        }
    }
}
