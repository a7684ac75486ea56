package com.acme.backtest.bus;

import com.acme.backtest.events.Event;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * An event bus whose {@link #publish} only enqueues: handlers run later, when the owner calls
 * {@link #dispatchPending}, after publish has returned and possibly after other events. Events that handlers
 * publish meanwhile join the end of the same queue, so dispatch is first in, first out: breadth-first, where
 * {@link EventBus} is depth-first.
 *
 * <p>Not thread-safe: one bus belongs to one backtest.
 */
public class QueuedEventBus extends EventBus {

    private final Queue<Event> pending = new ArrayDeque<>();

    @Override
    public void publish(Event event) {
        countPublished();
        pending.add(event);
    }

    /** Runs the handlers of every queued event, oldest first, until none is left. */
    public void dispatchPending() {
        Event event;
        while ((event = pending.poll()) != null) {
            dispatch(event);
        }
    }
}
