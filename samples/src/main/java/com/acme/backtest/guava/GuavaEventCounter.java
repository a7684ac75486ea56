package com.acme.backtest.guava;

import com.acme.backtest.events.Event;
import com.google.common.eventbus.Subscribe;

/**
 * Counts every event posted: Guava delivers an event to the subscribers of its supertypes too, so one
 * subscriber of {@link Event} sees them all, and no event ends up as a DeadEvent.
 */
public final class GuavaEventCounter {

    private long count;

    @Subscribe
    public void onEvent(Event event) {
        count++;
    }

    long count() {
        return count;
    }
}
