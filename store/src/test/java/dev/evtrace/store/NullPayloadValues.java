package dev.evtrace.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a v2 file gives back for events written with null payload values: those keys absent. */
public final class NullPayloadValues {
    private NullPayloadValues() {}

    public static List<TracedEvent> dropped(List<TracedEvent> events) {
        return events.stream().map(NullPayloadValues::dropped).toList();
    }

    public static TracedEvent dropped(TracedEvent e) {
        Map<String, String> data = new LinkedHashMap<>();
        e.data().forEach((k, v) -> {
            if (v != null) {
                data.put(k, v);
            }
        });
        return new TracedEvent(e.eventId(), e.eventType(), e.timestamp(), e.correlationId(), e.causationId(),
                e.sourceContainer(), e.createdAt(), e.emittedAt(), e.receivedAt(), e.processedAt(), data, e.version(),
                e.sequenceNumber(), e.partitionKey());
    }
}
