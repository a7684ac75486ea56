package com.acme.backtest.guava;

import com.acme.backtest.Components;
import com.acme.backtest.Engine;
import com.acme.backtest.events.BarEvent;
import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.SubscriberExceptionHandler;

import java.util.List;
import java.util.function.Function;

/**
 * The backtest on Guava's synchronous {@link EventBus}, everything on the main thread. Unlike the sample's own
 * bus, Guava queues an event posted from inside a subscriber until the current event has reached all of its
 * subscribers: dispatch is breadth-first per thread.
 */
public final class GuavaEngine implements Engine {

    private final EventBus bus;
    private final SubscriberFailures failures = new SubscriberFailures();
    private final GuavaEventCounter published;

    /** @param newBus makes the bus, given the handler it must report subscriber failures to */
    public GuavaEngine(Components parts, Function<SubscriberExceptionHandler, EventBus> newBus) {
        this.bus = newBus.apply(failures);
        this.published = GuavaWiring.register(bus, parts);
    }

    @Override
    public void publishDay(List<BarEvent> bars) {
        for (int i = 0; i < bars.size(); i++) {
            bus.post(bars.get(i));
        }
        failures.rethrow();
    }

    @Override
    public long eventsPublished() {
        return published.count();
    }
}
