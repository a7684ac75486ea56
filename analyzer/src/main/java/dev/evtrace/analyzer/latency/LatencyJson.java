package dev.evtrace.analyzer.latency;

import dev.evtrace.analyzer.latency.LatencyGroups.By;
import dev.evtrace.analyzer.latency.LatencyGroups.Group;
import dev.evtrace.analyzer.output.JsonWriter;
import java.util.List;

/**
 * The json form of {@code latency}. One place, because the HTML report embeds exactly this document, so what
 * the page shows can be checked against what {@code latency --format json} prints.
 */
public final class LatencyJson {
    private LatencyJson() {}

    /** {"run": …, "types"|"sources": [{"event_type"|"source": …, "events": …, "latency": {…}, "queue_time": {…}}]} */
    public static void groups(JsonWriter json, String run, By by, List<Group> groups) {
        json.beginObject().field("run", run).name(by == By.TYPE ? "types" : "sources").beginArray();
        for (Group g : groups) {
            json.beginObject()
                    .field(by.field, g.key())
                    .field("events", g.events());
            stats(json.name("latency").beginObject(), g.latency(), true).endObject();
            stats(json.name("queue_time").beginObject(), g.queueTime(), true).endObject();
            json.endObject();
        }
        json.endArray().endObject();
    }

    /** {"run": …, "handlers": [{"handler": …, "event_type": …, "count": …, …, "threw": …}]} */
    public static void handlers(JsonWriter json, String run, List<HandlerLatency> handlers) {
        json.beginObject().field("run", run).name("handlers").beginArray();
        for (HandlerLatency h : handlers) {
            stats(json.beginObject().field("handler", h.handler()).field("event_type", h.eventType()), h.duration(), false)
                    .field("threw", h.threw())
                    .endObject();
        }
        json.endArray().endObject();
    }

    private static JsonWriter stats(JsonWriter json, LatencyStats s, boolean withMissing) {
        json.field("count", s.count());
        if (withMissing) {
            json.field("missing", s.missing());
        }
        return json.field("mean_ms", s.meanMillis())
                .field("p50_ms", s.percentileMillis(50))
                .field("p95_ms", s.percentileMillis(95))
                .field("p99_ms", s.percentileMillis(99))
                .field("max_ms", s.maxMillis());
    }
}
