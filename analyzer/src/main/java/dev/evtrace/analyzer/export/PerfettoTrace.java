package dev.evtrace.analyzer.export;

import dev.evtrace.analyzer.output.JsonWriter;
import dev.evtrace.store.Delivery;
import dev.evtrace.store.TracedEvent;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as a Chrome trace-event JSON document ({@code {"traceEvents":[…]}}), which Perfetto and
 * chrome://tracing open. One process (pid 1), one track (tid) per component, named by a thread_name record:
 * every source of an event and every handler. Timestamps are microseconds since the run's first event.
 *
 * <ul>
 *   <li>An event is a complete slice ("X", category "event") from its creation to its processing, on its
 *       source's track; an event never processed is an instant ("i").</li>
 *   <li>A handler delivery is a complete slice (category "delivery") from handler entry to exit, on the
 *       handler's track.</li>
 *   <li>Causation is a flow arrow from cause to effect: "s" on the cause's track at the moment the effect was
 *       created (inside the cause's slice, which is still open then), "f" binding to the start of the effect's
 *       slice ("bp":"e"), both with the effect's event id as flow id.</li>
 * </ul>
 */
final class PerfettoTrace {
    private static final int PID = 1;

    /** What was written, to report. */
    record Counts(int events, int deliveries, int flows, int tracks) {}

    private final String run;
    private final List<TracedEvent> events;
    private final List<Delivery> deliveries;
    private final Map<String, Integer> tids = new LinkedHashMap<>();
    private final long start;

    /** @param events the run's events, timed from their deliveries where the bus did not time them */
    PerfettoTrace(String run, List<TracedEvent> events, List<Delivery> deliveries) {
        this.run = run;
        this.events = events.stream().sorted(Comparator.comparingLong(TracedEvent::sequenceNumber)).toList();
        this.deliveries = deliveries.stream().sorted(Comparator.comparingLong(Delivery::receivedAt)).toList();
        // Tracks numbered in order of first appearance: sources in publish order, then handlers not yet seen.
        this.events.forEach(e -> tids.computeIfAbsent(e.sourceContainer(), k -> tids.size() + 1));
        this.deliveries.forEach(d -> tids.computeIfAbsent(d.handler(), k -> tids.size() + 1));
        long first = Long.MAX_VALUE;
        for (TracedEvent e : events) {
            first = Math.min(first, e.createdAt());
        }
        for (Delivery d : deliveries) {
            first = Math.min(first, d.receivedAt());
        }
        this.start = first;
    }

    Counts write(JsonWriter json) {
        json.beginObject().name("traceEvents").beginArray();
        json.beginObject().field("name", "process_name").field("ph", "M").field("pid", PID)
                .name("args").beginObject().field("name", "evtrace run " + run).endObject().endObject();
        tids.forEach((name, tid) -> {
            json.beginObject().field("name", "thread_name").field("ph", "M").field("pid", PID).field("tid", tid)
                    .name("args").beginObject().field("name", name).endObject().endObject();
            json.beginObject().field("name", "thread_sort_index").field("ph", "M").field("pid", PID).field("tid", tid)
                    .name("args").beginObject().field("sort_index", tid).endObject().endObject();
        });
        Map<Long, TracedEvent> byId = new HashMap<>();
        for (TracedEvent e : events) {
            byId.put(e.eventId(), e);
            event(json, e);
        }
        for (Delivery d : deliveries) {
            json.beginObject().field("name", d.eventType()).field("cat", "delivery").field("ph", "X")
                    .field("ts", d.receivedAt() - start).field("dur", d.durationMicros())
                    .field("pid", PID).field("tid", tids.get(d.handler()))
                    .name("args").beginObject().field("event_id", d.eventId()).field("thread", d.thread())
                    .field("threw", d.threw()).endObject()
                    .endObject();
        }
        int flows = 0;
        for (TracedEvent effect : events) {
            TracedEvent cause = effect.isRoot() ? null : byId.get(effect.causationId());
            if (cause != null) {
                flow(json, cause, effect);
                flows++;
            }
        }
        json.endArray().endObject();
        return new Counts(events.size(), deliveries.size(), flows, tids.size());
    }

    private void event(JsonWriter json, TracedEvent e) {
        boolean processed = e.processedAt() != TracedEvent.ABSENT;
        json.beginObject().field("name", e.eventType()).field("cat", "event").field("ph", processed ? "X" : "i")
                .field("ts", e.createdAt() - start);
        if (processed) {
            json.field("dur", Math.max(0, e.processedAt() - e.createdAt()));
        } else {
            json.field("s", "t");
        }
        json.field("pid", PID).field("tid", tids.get(e.sourceContainer()))
                .name("args").beginObject()
                .field("event_id", e.eventId())
                .field("causation_id", e.isRoot() ? null : e.causationId())
                .field("source", e.sourceContainer())
                .name("data").beginObject();
        e.data().forEach(json::field);
        json.endObject().endObject().endObject();
    }

    private void flow(JsonWriter json, TracedEvent cause, TracedEvent effect) {
        long causeEnd = cause.processedAt() == TracedEvent.ABSENT ? cause.createdAt() : cause.processedAt();
        // Inside the cause's slice, where the flow must start to bind to it, however the clocks were read.
        long from = Math.max(cause.createdAt(), Math.min(effect.createdAt(), causeEnd));
        json.beginObject().field("name", "causation").field("cat", "causation").field("ph", "s")
                .field("id", effect.eventId()).field("ts", from - start)
                .field("pid", PID).field("tid", tids.get(cause.sourceContainer())).endObject();
        json.beginObject().field("name", "causation").field("cat", "causation").field("ph", "f").field("bp", "e")
                .field("id", effect.eventId()).field("ts", effect.createdAt() - start)
                .field("pid", PID).field("tid", tids.get(effect.sourceContainer())).endObject();
    }
}
