package dev.evtrace.store;

import java.util.Set;

/**
 * Which events to read. Every condition is pushed down: types prune partitions, the run, ids and times
 * prune files and row groups by their footer statistics, and pages by their column index, before a row is
 * decoded.
 *
 * @param run     a correlation id, or null for every run
 * @param types   event types, or empty for all
 * @param from    lowest {@code timestamp} in epoch micros (inclusive), or Long.MIN_VALUE
 * @param to      highest {@code timestamp} in epoch micros (inclusive), or Long.MAX_VALUE
 * @param minId   lowest event id (inclusive), or Long.MIN_VALUE
 * @param maxId   highest event id (inclusive), or Long.MAX_VALUE
 * @param columns the columns to materialize, or empty for all
 */
public record EventQuery(String run, Set<String> types, long from, long to, long minId, long maxId, Set<String> columns) {
    public EventQuery {
        types = Set.copyOf(types);
        columns = Set.copyOf(columns);
    }

    public static EventQuery all() {
        return new EventQuery(null, Set.of(), Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Set.of());
    }

    public static EventQuery run(String correlationId) {
        return all().withRun(correlationId);
    }

    public EventQuery withRun(String correlationId) {
        return new EventQuery(correlationId, types, from, to, minId, maxId, columns);
    }

    public EventQuery withTypes(Set<String> eventTypes) {
        return new EventQuery(run, eventTypes, from, to, minId, maxId, columns);
    }

    public EventQuery between(long fromMicros, long toMicros) {
        return new EventQuery(run, types, fromMicros, toMicros, minId, maxId, columns);
    }

    public EventQuery withEventId(long id) {
        return withEventIds(id, id);
    }

    /** Only the events whose ids lie in {@code [lowest, highest]}. */
    public EventQuery withEventIds(long lowest, long highest) {
        return new EventQuery(run, types, from, to, lowest, highest, columns);
    }

    public EventQuery withColumns(Set<String> names) {
        return new EventQuery(run, types, from, to, minId, maxId, names);
    }
}
