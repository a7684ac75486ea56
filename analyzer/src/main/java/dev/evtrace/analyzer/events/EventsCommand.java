package dev.evtrace.analyzer.events;

import dev.evtrace.analyzer.CommonOptions;
import dev.evtrace.analyzer.FormatOption;
import dev.evtrace.analyzer.Store;
import dev.evtrace.analyzer.output.Format;
import dev.evtrace.analyzer.output.JsonWriter;
import dev.evtrace.analyzer.output.Output;
import dev.evtrace.analyzer.output.Table.Clip;
import dev.evtrace.analyzer.output.Table.Column;
import dev.evtrace.analyzer.output.Units;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.EventSchema;
import dev.evtrace.store.EventStream;
import dev.evtrace.store.TracedEvent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code analyzer events}: one run's events, in the order they were published. */
@Command(name = "events",
        description = {
            "Prints the events of one run in sequence order, optionally only those of some types, sources, time "
                    + "range or payload values (every filter given must match).",
            "For each event: id, type, source, cause (the id of the event whose handler published it), when it "
                    + "was created, when it was received and processed (milliseconds after its creation), and "
                    + "its payload. Table output cuts long sources and payloads; json and csv keep them whole.",
            "Events print as they are read, so a run of any length takes little memory. A table sizes its columns "
                    + "for its first 10,000 events and what the store's footers say of the rest (ids, types); a later, "
                    + "wider cell widens its column from its line on."},
        footerHeading = "%nExample:%n",
        footer = {
            "  java -jar analyzer.jar events --store ./events \\",
            "      --run backtest_20251124_160000_1a2b3c4d --type FILL --limit 20",
            "  java -jar analyzer.jar events --run backtest_20251124_160000_1a2b3c4d \\",
            "      --from 2025-11-24T16:00:00Z --to 2025-11-24T16:05:00Z --where symbol=SPY --where side=BUY"})
public final class EventsCommand implements Runnable {
    static final List<Column> COLUMNS = List.of(
            Column.number("id"), Column.text("type"), Column.clipped("source", Clip.KEEP_END, 40),
            Column.number("cause"), Column.text("created"), Column.number("received_ms"),
            Column.number("processed_ms"), Column.clipped("data", Clip.KEEP_START, 60));
    private static final int ID = 0;
    private static final int TYPE = 1;
    private static final int CAUSE = 3;
    /** What table and CSV show; JSON shows every column. */
    private static final Set<String> SHOWN = Set.of(EventSchema.EVENT_ID, EventSchema.EVENT_TYPE,
            EventSchema.SOURCE_CONTAINER, EventSchema.CAUSATION_ID, EventSchema.CREATED_AT, EventSchema.RECEIVED_AT,
            EventSchema.PROCESSED_AT, EventSchema.DATA);

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private FormatOption format;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "The run (correlation id).")
    private String run;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only events of this type; repeat for several.")
    private Set<String> types = new LinkedHashSet<>();

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "Only events from this source: its full class name or its simple name; repeat for several.")
    private Set<String> sources = new LinkedHashSet<>();

    @Option(names = "--from", paramLabel = "TIME", converter = IsoTime.class,
            description = "Only events whose timestamp is at or after TIME (ISO-8601; UTC unless an offset is given).")
    private Long from;

    @Option(names = "--to", paramLabel = "TIME", converter = IsoTime.class,
            description = "Only events whose timestamp is at or before TIME (ISO-8601).")
    private Long to;

    @Option(names = "--where", paramLabel = "KEY=VALUE",
            description = "Only events whose payload has KEY equal to VALUE; repeat to require several.")
    private Map<String, String> where = new LinkedHashMap<>();

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N events.")
    private int limit = Integer.MAX_VALUE;

    @Override
    public void run() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, was " + limit);
        }
        long fromMicros = from == null ? Long.MIN_VALUE : from;
        long toMicros = to == null ? Long.MAX_VALUE : to;
        if (fromMicros > toMicros) {
            throw new ParameterException(spec.commandLine(), "--from must not be after --to");
        }
        // Types and the time range are pushed down to the files; sources and payload values are checked per row.
        EventQuery query = EventQuery.all().withTypes(types).between(fromMicros, toMicros);
        Store store = common.openStore();
        Output output = format.output();
        EventQuery printed = output.format() == Format.JSON ? query : query.withColumns(SHOWN);
        // Opened before anything is printed, so that an unknown run is an error rather than an empty table.
        try (EventStream events = store.streamRun(run, printed)) {
            output.stream(COLUMNS, sink -> select(events, e -> sink.accept(cells(e))),
                    // Ids grow down a run, and a type may first come late: the footers know what the rows to come
                    // hold, so the columns need not widen as they print. A cause is published before what it
                    // causes, so its id is lower than the highest.
                    widths -> {
                        store.maxEventId(run, query).ifPresent(id -> {
                            widths.atLeast(ID, Long.toString(id).length());
                            widths.atLeast(CAUSE, Long.toString(id - 1).length());
                        });
                        store.types(run, query).forEach(type -> widths.atLeast(TYPE, type.length()));
                    },
                    json -> json(json, events));
        }
    }

    /** Hands on, in sequence order, the events that pass the per-row filters (sources, payload values), to --limit. */
    private void select(EventStream events, Consumer<TracedEvent> sink) {
        int taken = 0;
        while (taken < limit && events.hasNext()) {
            TracedEvent e = events.next();
            if (matches(e)) {
                sink.accept(e);
                taken++;
            }
        }
    }

    private boolean matches(TracedEvent e) {
        String source = e.sourceContainer();
        if (!sources.isEmpty() && !sources.contains(source) && !sources.contains(simpleName(source))) {
            return false;
        }
        for (Map.Entry<String, String> condition : where.entrySet()) {
            if (!condition.getValue().equals(e.data().get(condition.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static List<String> cells(TracedEvent e) {
        return Arrays.asList(Long.toString(e.eventId()), e.eventType(), e.sourceContainer(),
                e.isRoot() ? null : Long.toString(e.causationId()), Units.iso(e.createdAt()),
                sinceCreated(e, e.receivedAt()), sinceCreated(e, e.processedAt()), payload(e.data()));
    }

    /** {@code key=value} pairs, space-separated; a loop rather than a stream, as it runs for every event. */
    private static String payload(Map<String, String> data) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> d : data.entrySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(d.getKey()).append('=').append(d.getValue());
        }
        return sb.toString();
    }

    private static String sinceCreated(TracedEvent e, long time) {
        return time == TracedEvent.ABSENT ? null : Units.millisText(time - e.createdAt());
    }

    private void json(JsonWriter json, EventStream events) {
        json.beginObject().field("run", run).name("events").beginArray();
        select(events, e -> {
            json.beginObject()
                    .field("event_id", e.eventId())
                    .field("event_type", e.eventType())
                    .field("source", e.sourceContainer())
                    .field("causation_id", e.isRoot() ? null : e.causationId())
                    .field("sequence_number", e.sequenceNumber())
                    .field("timestamp", Units.iso(e.timestamp()))
                    .field("created_at", Units.iso(e.createdAt()))
                    .field("emitted_at", Units.iso(e.emittedAt()))
                    .field("received_at", Units.iso(e.receivedAt()))
                    .field("processed_at", Units.iso(e.processedAt()))
                    .name("data").beginObject();
            for (Map.Entry<String, String> d : e.data().entrySet()) {
                json.field(d.getKey(), d.getValue());
            }
            json.endObject().endObject();
        });
        json.endArray().endObject();
    }
}
