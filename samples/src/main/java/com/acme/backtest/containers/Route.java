package com.acme.backtest.containers;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.events.Event;

/**
 * One route between containers: subscribed on the bus where a type of event is published, it republishes each
 * such event, the same object, on the buses of the containers that consume it, one after the other.
 */
final class Route implements EventHandler {

    private final EventBus[] destinations;

    Route(EventBus... destinations) {
        this.destinations = destinations.clone();
    }

    @Override
    public void handle(Event event) {
        for (EventBus destination : destinations) {
            destination.publish(event);
        }
    }
}
