package dev.evtrace.analyzer.latency;

import dev.evtrace.store.Delivery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each handler took per event type it handles: the time inside the handler method (processed -
 * received of each delivery), and how often it threw. Listed in the order the handlers were first entered.
 */
public final class HandlerLatency {
    private final String handler;
    private final String eventType;
    private final LatencyStats duration = new LatencyStats();
    private long threw;
    private long firstReceived = Long.MAX_VALUE;

    private HandlerLatency(String handler, String eventType) {
        this.handler = handler;
        this.eventType = eventType;
    }

    public static List<HandlerLatency> of(List<Delivery> deliveries) {
        Map<List<String>, HandlerLatency> byHandler = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            HandlerLatency h = byHandler.computeIfAbsent(List.of(d.handler(), d.eventType()),
                    k -> new HandlerLatency(d.handler(), d.eventType()));
            h.duration.record(d.durationMicros());
            h.firstReceived = Math.min(h.firstReceived, d.receivedAt());
            if (d.threw()) {
                h.threw++;
            }
        }
        List<HandlerLatency> ordered = new ArrayList<>(byHandler.values());
        ordered.sort(Comparator.comparingLong((HandlerLatency h) -> h.firstReceived)
                .thenComparing(h -> h.handler).thenComparing(h -> h.eventType));
        return ordered;
    }

    public String handler() {
        return handler;
    }

    public String eventType() {
        return eventType;
    }

    public LatencyStats duration() {
        return duration;
    }

    public long threw() {
        return threw;
    }
}
