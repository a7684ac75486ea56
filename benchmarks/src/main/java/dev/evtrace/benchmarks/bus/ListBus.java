package dev.evtrace.benchmarks.bus;

import java.util.ArrayList;
import java.util.List;

/**
 * A synchronous bus shaped like the sample's {@code EventBus}: a list of handlers, an indexed loop, every
 * delivery on the publishing thread before publish returns.
 */
public class ListBus implements Bus {
    private final List<Handler> handlers = new ArrayList<>();
    private long published;

    @Override
    public void subscribe(Handler handler) {
        handlers.add(handler);
    }

    @Override
    public void publish(Object event) {
        published++;
        for (int i = 0; i < handlers.size(); i++) {
            handlers.get(i).handle(event);
        }
    }

    public long published() {
        return published;
    }
}
