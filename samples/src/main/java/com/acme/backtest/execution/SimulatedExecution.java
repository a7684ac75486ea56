package com.acme.backtest.execution;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.OrderEvent;

/**
 * The broker on the bus: follows BAR for the closes, and fills every approved ORDER at once, publishing the
 * FILL from inside this handler. Orders the risk check refused are dropped.
 */
public final class SimulatedExecution implements EventHandler {

    private final EventBus bus;
    private final SimulatedBroker broker;

    public SimulatedExecution(EventBus bus, SimulatedBroker broker) {
        this.bus = bus;
        this.broker = broker;
    }

    @Override
    public void handle(Event event) {
        switch (event.getType()) {
            case BAR -> broker.onBar((BarEvent) event);
            case ORDER -> {
                OrderEvent order = (OrderEvent) event;
                if (broker.accept(order)) {
                    bus.publish(broker.fill(order));
                }
            }
            default -> throw new IllegalArgumentException("execution does not handle " + event.getType());
        }
    }
}
