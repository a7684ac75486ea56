package dev.evtrace.agent.bootstrap;

/**
 * What the agent makes the program's event class ({@code tracer.event.class}) implement as it loads, with two
 * fields of its own: an event that a queued or asynchronous bus delivers after publish returned carries its id
 * and run itself. The alternative, an entry in {@link DeferredEvents} per event, costs a weak reference the
 * collector must clear and a map entry per event. The methods are synthetic and the fields private, transient
 * and synthetic, so that the program's reflection, serialization and the tracer's own payloads pass them by.
 */
public interface DeferredEvent {
    /** The field names, prefixed like a synthetic member so that no program's own name can clash. */
    String ID_FIELD = "evtrace$eventId";
    String RUN_FIELD = "evtrace$run";

    /** Records the event as published and not yet delivered: the run first, then the id that publishes both. */
    void evtrace$defer(long eventId, RunState run);

    /** 0 if the event was never deferred. */
    long evtrace$eventId();

    RunState evtrace$run();
}
