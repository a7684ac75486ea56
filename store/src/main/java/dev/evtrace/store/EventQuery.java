package dev.evtrace.store;

import java.util.Set;

/**
 * Which events to read. Every condition is pushed down: types prune partitions, the run, ids and times
 * prune row groups by their statistics before a row is decoded.
 *
 * @param run     a correlation id, or null for every run
 * @param types   event types, or empty for all
 * @param from    lowest {@code timestamp} in epoch micros (inclusive), or Long.MIN_VALUE
 * @param to      highest {@code timestamp} in epoch micros (inclusive), or Long.MAX_VALUE
 * @param eventId one event id, or ABSENT for any
 * @param columns the columns to materialize, or empty for all
 */
public record EventQuery(String run, Set<String> types, long from, long to, long eventId, Set<String> columns) {
    public EventQuery {
        types = Set.copyOf(types);
        columns = Set.copyOf(columns);
    }

    public static EventQuery all() {
        return new EventQuery(null, Set.of(), Long.MIN_VALUE, Long.MAX_VALUE, TracedEvent.ABSENT, Set.of());
    }

    public static EventQuery run(String correlationId) {
        return all().withRun(correlationId);
    }

    public EventQuery withRun(String correlationId) {
        return new EventQuery(correlationId, types, from, to, eventId, columns);
    }

    public EventQuery withTypes(Set<String> eventTypes) {
        return new EventQuery(run, eventTypes, from, to, eventId, columns);
    }

    public EventQuery between(long fromMicros, long toMicros) {
        return new EventQuery(run, types, fromMicros, toMicros, eventId, columns);
    }

    public EventQuery withEventId(long id) {
        return new EventQuery(run, types, from, to, id, columns);
    }

    public EventQuery withColumns(Set<String> names) {
        return new EventQuery(run, types, from, to, eventId, names);
    }
}
