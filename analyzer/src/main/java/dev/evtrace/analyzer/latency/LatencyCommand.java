package dev.evtrace.analyzer.latency;

import static dev.evtrace.store.EventSchema.CREATED_AT;
import static dev.evtrace.store.EventSchema.EMITTED_AT;
import static dev.evtrace.store.EventSchema.EVENT_TYPE;
import static dev.evtrace.store.EventSchema.PROCESSED_AT;
import static dev.evtrace.store.EventSchema.RECEIVED_AT;
import static dev.evtrace.store.EventSchema.SEQUENCE_NUMBER;

import dev.evtrace.analyzer.CommonOptions;
import dev.evtrace.analyzer.output.JsonWriter;
import dev.evtrace.analyzer.output.Table;
import dev.evtrace.analyzer.output.Table.Column;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code analyzer latency}: how long each type of event took, the seed's analyze_latency. */
@Command(name = "latency",
        description = {
            "Prints latency and queue time per event type, in milliseconds.",
            "For each event type: count, mean, p50, p95, p99 and max of",
            "  latency    = processed - created (time in the bus and in the handler)",
            "  queue_time = received - emitted (time in the bus only)",
            "An event never processed (or never received) is left out of that metric and counted as missing."},
        footerHeading = "%nExample:%n",
        footer = "  java -jar analyzer.jar latency --run backtest_20251124_160000_1a2b3c4d")
public final class LatencyCommand implements Runnable {
    private static final Set<String> COLUMNS =
            Set.of(EVENT_TYPE, CREATED_AT, EMITTED_AT, RECEIVED_AT, PROCESSED_AT, SEQUENCE_NUMBER);
    private static final List<Column> TABLE_COLUMNS = List.of(
            Column.text("type"), Column.text("metric"), Column.number("count"), Column.number("missing"),
            Column.number("mean_ms"), Column.number("p50_ms"), Column.number("p95_ms"), Column.number("p99_ms"),
            Column.number("max_ms"));

    @Mixin
    private CommonOptions common;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "The run (correlation id).")
    private String run;

    /** Both metrics of one event type, and where the run first published it, to list types in that order. */
    private static final class TypeStats {
        final String type;
        final LatencyStats latency = new LatencyStats();
        final LatencyStats queueTime = new LatencyStats();
        long firstSequence = Long.MAX_VALUE;

        TypeStats(String type) {
            this.type = type;
        }

        void add(TracedEvent e) {
            firstSequence = Math.min(firstSequence, e.sequenceNumber());
            if (e.processedAt() == TracedEvent.ABSENT) {
                latency.recordMissing();
            } else {
                latency.record(e.processedAt() - e.createdAt());
            }
            if (e.receivedAt() == TracedEvent.ABSENT) {
                queueTime.recordMissing();
            } else {
                queueTime.record(e.receivedAt() - e.emittedAt());
            }
        }
    }

    @Override
    public void run() {
        Map<String, TypeStats> byType = new HashMap<>();
        common.openStore().scanRun(run, EventQuery.all().withColumns(COLUMNS),
                e -> byType.computeIfAbsent(e.eventType(), TypeStats::new).add(e));
        List<TypeStats> types = new ArrayList<>(byType.values());
        types.sort(Comparator.comparingLong((TypeStats t) -> t.firstSequence).thenComparing(t -> t.type));
        common.output().print(table(types), json -> json(json, types));
    }

    private static Table table(List<TypeStats> types) {
        Table table = new Table(TABLE_COLUMNS);
        for (TypeStats t : types) {
            row(table, t.type, "latency", t.latency);
            row(table, t.type, "queue_time", t.queueTime);
        }
        return table;
    }

    private static void row(Table table, String type, String metric, LatencyStats s) {
        table.row(type, metric, s.count(), s.missing(), s.meanMillis(), s.percentileMillis(50), s.percentileMillis(95),
                s.percentileMillis(99), s.maxMillis());
    }

    private void json(JsonWriter json, List<TypeStats> types) {
        json.beginObject().field("run", run).name("types").beginArray();
        for (TypeStats t : types) {
            json.beginObject()
                    .field("event_type", t.type)
                    .field("events", t.latency.count() + t.latency.missing());
            metric(json.name("latency"), t.latency);
            metric(json.name("queue_time"), t.queueTime);
            json.endObject();
        }
        json.endArray().endObject();
    }

    private static void metric(JsonWriter json, LatencyStats s) {
        json.beginObject()
                .field("count", s.count())
                .field("missing", s.missing())
                .field("mean_ms", s.meanMillis())
                .field("p50_ms", s.percentileMillis(50))
                .field("p95_ms", s.percentileMillis(95))
                .field("p99_ms", s.percentileMillis(99))
                .field("max_ms", s.maxMillis())
                .endObject();
    }
}
