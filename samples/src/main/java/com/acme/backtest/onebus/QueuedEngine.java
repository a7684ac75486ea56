package com.acme.backtest.onebus;

import com.acme.backtest.Components;
import com.acme.backtest.Engine;
import com.acme.backtest.bus.QueuedEventBus;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.execution.SimulatedExecution;

import java.util.List;

/**
 * The components on a {@link QueuedEventBus}, wired as on the synchronous one: the day's bars are only
 * enqueued, then a loop dispatches the queue until it is empty, events published by handlers included. Every
 * bar of a day is marked before any signal of that day is sized, so results can differ from --mode sync.
 */
public final class QueuedEngine implements Engine {

    private final QueuedEventBus bus;

    public QueuedEngine(Components parts, QueuedEventBus bus) {
        this.bus = bus;
        OneBusWiring.subscribe(bus, parts, new SimulatedExecution(bus, parts.broker()));
    }

    @Override
    public void publishDay(List<BarEvent> bars) {
        for (int i = 0; i < bars.size(); i++) {
            bus.publish(bars.get(i));
        }
        bus.dispatchPending();
    }

    @Override
    public long eventsPublished() {
        return bus.publishedCount();
    }
}
