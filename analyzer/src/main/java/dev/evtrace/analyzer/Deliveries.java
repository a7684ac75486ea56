package dev.evtrace.analyzer;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.TracedEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's handler deliveries, and the times they give events the bus did not time itself. A queued or
 * asynchronous bus hands an event to its handlers after publish returns, so the event row has no received or
 * processed time; its deliveries do. Received is then the first handler's entry, processed the last one's exit.
 */
public final class Deliveries {
    private final List<Delivery> all;
    /** By event id: {earliest received, latest processed}. */
    private final Map<Long, long[]> spans = new HashMap<>();

    public Deliveries(List<Delivery> all) {
        this.all = List.copyOf(all);
        for (Delivery d : all) {
            spans.merge(d.eventId(), new long[] {d.receivedAt(), d.processedAt()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
    }

    public List<Delivery> all() {
        return all;
    }

    /** {@code e} with any absent received or processed time taken from its deliveries; as it is when it has none. */
    public TracedEvent complete(TracedEvent e) {
        long[] span = spans.get(e.eventId());
        if (span == null || (e.receivedAt() != TracedEvent.ABSENT && e.processedAt() != TracedEvent.ABSENT)) {
            return e;
        }
        return new TracedEvent(e.eventId(), e.eventType(), e.timestamp(), e.correlationId(), e.causationId(),
                e.sourceContainer(), e.createdAt(), e.emittedAt(),
                e.receivedAt() == TracedEvent.ABSENT ? span[0] : e.receivedAt(),
                e.processedAt() == TracedEvent.ABSENT ? span[1] : e.processedAt(),
                e.data(), e.version(), e.sequenceNumber(), e.partitionKey());
    }
}
