package com.acme.backtest.bus;

import com.acme.backtest.events.Event;
import com.acme.backtest.events.EventType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Synchronous, single-threaded event bus: {@link #publish} runs every handler subscribed to the
 * event's type, in subscription order, on the caller's thread, before it returns. A handler that
 * publishes therefore dispatches the new event to completion before its own handler returns, which
 * is what makes the whole backtest a deterministic depth-first cascade.
 *
 * <p>Not thread-safe: one bus belongs to one backtest.
 */
public class EventBus {

    private final Map<EventType, List<EventHandler>> handlers = new EnumMap<>(EventType.class);
    private long published;

    public void subscribe(EventType type, EventHandler handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(handler);
    }

    public void publish(Event event) {
        countPublished();
        dispatch(event);
    }

    /** Events published so far, including those no handler was subscribed to. */
    public long publishedCount() {
        return published;
    }

    /** For a subclass whose publish does not call this one: counts the event as published. */
    protected final void countPublished() {
        published++;
    }

    /** Runs every handler subscribed to the event's type, in subscription order, on the caller's thread. */
    protected final void dispatch(Event event) {
        List<EventHandler> subscribers = handlers.get(event.getType());
        if (subscribers == null) {
            return;
        }
        // Indexed loop: no iterator allocation per event on the hottest path of the backtest.
        for (int i = 0; i < subscribers.size(); i++) {
            subscribers.get(i).handle(event);
        }
    }
}
