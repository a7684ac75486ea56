package com.acme.backtest.queue;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.SignalEvent;
import com.acme.backtest.strategy.CrossoverSignals;

import java.util.Queue;

/** The crossover strategy as a queue-engine handler: queues the signal a bar triggers, if any. */
public final class QueueStrategy {

    private final CrossoverSignals signals;

    QueueStrategy(CrossoverSignals signals) {
        this.signals = signals;
    }

    public void onBarEvent(BarEvent bar, Queue<Event> queue) {
        SignalEvent signal = signals.onBar(bar);
        if (signal != null) {
            queue.add(signal);
        }
    }
}
