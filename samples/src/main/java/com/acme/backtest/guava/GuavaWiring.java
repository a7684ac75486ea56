package com.acme.backtest.guava;

import com.acme.backtest.Components;
import com.google.common.eventbus.EventBus;

/** The components registered on a Guava bus through their adapters. */
final class GuavaWiring {

    private GuavaWiring() {
    }

    /** @return the counter of every event posted on the bus */
    static GuavaEventCounter register(EventBus bus, Components parts) {
        // Guava calls the subscribers of one event type in the order they were registered (they sit in an
        // insertion-ordered set), so this is dispatch order. On BAR the tracker reads equity before the
        // portfolio marks the close, and portfolio and execution know the close before the strategy signals;
        // on ORDER the risk check approves before execution fills.
        bus.register(new GuavaPerformanceTracker(parts.tracker()));
        bus.register(new GuavaPortfolio(bus, parts.book()));
        bus.register(new GuavaRiskCheck(bus, parts.check()));
        bus.register(new GuavaExecution(bus, parts.broker()));
        bus.register(new GuavaStrategy(bus, parts.signals()));
        GuavaEventCounter counter = new GuavaEventCounter();
        bus.register(counter);
        return counter;
    }
}
