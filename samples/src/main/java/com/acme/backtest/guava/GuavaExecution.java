package com.acme.backtest.guava;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.execution.SimulatedBroker;
import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;

/** The broker as a Guava subscriber: follows the closes and posts a fill for every approved order. */
public final class GuavaExecution {

    private final EventBus bus;
    private final SimulatedBroker broker;

    GuavaExecution(EventBus bus, SimulatedBroker broker) {
        this.bus = bus;
        this.broker = broker;
    }

    @Subscribe
    public void onBar(BarEvent bar) {
        broker.onBar(bar);
    }

    @Subscribe
    public void onOrder(OrderEvent order) {
        if (broker.accept(order)) {
            bus.post(broker.fill(order));
        }
    }
}
