package dev.evtrace.store;

import java.util.Map;

/**
 * One traced event: the seed's {@code TracedEvent}, as stored.
 *
 * <p>Times are epoch microseconds (UTC). {@link #ABSENT} marks a time or causation id that is not known:
 * a root event has no cause; an event no handler received has no received/processed time.
 *
 * @param eventId        the event's number within its run, 1, 2, 3 … in publish order; unique with correlationId
 * @param eventType      e.g. BAR, SIGNAL, FILL
 * @param timestamp      the event's own time (market time when the program exposes it, else createdAt)
 * @param correlationId  the run the event belongs to
 * @param causationId    the eventId whose handler published this event, or ABSENT for a root
 * @param sourceContainer the component that emitted it (the handler's class, or the publishing class)
 * @param data           the payload as string key/values (a {@link Payload} keeps numbers as numbers)
 * @param sequenceNumber the gap-free position of the event within its run
 */
public record TracedEvent(
        long eventId,
        String eventType,
        long timestamp,
        String correlationId,
        long causationId,
        String sourceContainer,
        long createdAt,
        long emittedAt,
        long receivedAt,
        long processedAt,
        Map<String, String> data,
        String version,
        long sequenceNumber,
        String partitionKey) {

    public static final long ABSENT = 0L;
    public static final String CURRENT_VERSION = "3";
    /** The type of the tracer's own rows that record events lost on a full ring (negative ids). */
    public static final String DATA_LOSS = "TRACER_DATA_LOSS";

    public boolean isRoot() {
        return causationId == ABSENT;
    }

    /** processed − created, in microseconds, or -1 when the event was never processed. */
    public long latencyMicros() {
        return processedAt == ABSENT ? -1 : processedAt - createdAt;
    }

    /** received − emitted: time spent in the bus, in microseconds, or -1 when never received. */
    public long queueMicros() {
        return receivedAt == ABSENT ? -1 : receivedAt - emittedAt;
    }
}
