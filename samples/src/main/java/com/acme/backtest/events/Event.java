package com.acme.backtest.events;

/**
 * Something that happened at a point in market time. Subclasses are immutable and hold only
 * primitives, strings and enums, so an event can be logged or compared field by field.
 */
public abstract class Event {

    private final EventType type;
    private final long timestamp;

    protected Event(EventType type, long timestamp) {
        this.type = type;
        this.timestamp = timestamp;
    }

    public EventType getType() {
        return type;
    }

    /** Market time of the bar that caused this event, epoch milliseconds. */
    public long getTimestamp() {
        return timestamp;
    }
}
