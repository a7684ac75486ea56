package com.acme.backtest.onebus;

import com.acme.backtest.Components;
import com.acme.backtest.Engine;
import com.acme.backtest.bus.EventBus;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.execution.SimulatedExecution;

import java.util.List;

/**
 * The sample as first written: the components on one {@link EventBus}, every event dispatched to completion
 * on the main thread before its publish returns, a depth-first cascade.
 */
public final class SyncEngine implements Engine {

    private final EventBus bus;

    public SyncEngine(Components parts, EventBus bus) {
        this.bus = bus;
        OneBusWiring.subscribe(bus, parts, new SimulatedExecution(bus, parts.broker()));
    }

    @Override
    public void publishDay(List<BarEvent> bars) {
        for (int i = 0; i < bars.size(); i++) {
            bus.publish(bars.get(i));
        }
    }

    @Override
    public long eventsPublished() {
        return bus.publishedCount();
    }
}
