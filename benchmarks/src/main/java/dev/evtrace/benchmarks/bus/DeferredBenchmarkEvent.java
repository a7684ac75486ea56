package dev.evtrace.benchmarks.bus;

import dev.evtrace.agent.bootstrap.DeferredEvent;
import dev.evtrace.agent.bootstrap.RunState;

/**
 * An event class as the agent leaves it when it weaves its event classes (tracer.event.class): carrying, from its
 * publish to its deliveries, the id and run the tracer gave it, so that a queued delivery finds them in the event.
 */
public final class DeferredBenchmarkEvent implements DeferredEvent {
    private RunState run;
    private volatile long eventId;

    @Override
    public void evtrace$defer(long eventId, RunState run) {
        this.run = run;
        this.eventId = eventId;
    }

    @Override
    public long evtrace$eventId() {
        return eventId;
    }

    @Override
    public RunState evtrace$run() {
        return run;
    }
}
