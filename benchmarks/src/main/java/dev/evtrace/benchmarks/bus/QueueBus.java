package dev.evtrace.benchmarks.bus;

import java.util.ArrayList;
import java.util.List;

/**
 * A queued bus cut to one event: publish keeps it, {@link #deliver} hands it to each handler in an indexed loop
 * afterwards, outside any publish, as the sample's queued engine does with the events it polls.
 */
public class QueueBus implements QueuedBus {
    private final List<Handler> handlers = new ArrayList<>();
    private Object pending;

    @Override
    public void subscribe(Handler handler) {
        handlers.add(handler);
    }

    @Override
    public void publish(Object event) {
        pending = event;
    }

    @Override
    public void deliver() {
        Object event = pending;
        pending = null;
        for (int i = 0; i < handlers.size(); i++) {
            handlers.get(i).handle(event);
        }
    }
}
