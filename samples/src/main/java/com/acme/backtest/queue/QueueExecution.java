package com.acme.backtest.queue;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.execution.SimulatedBroker;

import java.util.Queue;

/** The broker as a queue-engine handler: follows the closes and queues a fill for every approved order. */
public final class QueueExecution {

    private final SimulatedBroker broker;

    QueueExecution(SimulatedBroker broker) {
        this.broker = broker;
    }

    public void onBarEvent(BarEvent bar) {
        broker.onBar(bar);
    }

    public void onOrderEvent(OrderEvent order, Queue<Event> queue) {
        if (broker.accept(order)) {
            queue.add(broker.fill(order));
        }
    }
}
