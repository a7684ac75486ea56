package dev.evtrace.analyzer.lineage;

import static dev.evtrace.store.EventSchema.CAUSATION_ID;
import static dev.evtrace.store.EventSchema.CREATED_AT;
import static dev.evtrace.store.EventSchema.EVENT_ID;
import static dev.evtrace.store.EventSchema.EVENT_TYPE;
import static dev.evtrace.store.EventSchema.SEQUENCE_NUMBER;
import static dev.evtrace.store.EventSchema.SOURCE_CONTAINER;

import dev.evtrace.analyzer.CommonOptions;
import dev.evtrace.analyzer.DataException;
import dev.evtrace.analyzer.Store;
import dev.evtrace.analyzer.lineage.CausationChain.Step;
import dev.evtrace.analyzer.output.Format;
import dev.evtrace.analyzer.output.JsonWriter;
import dev.evtrace.analyzer.output.Output;
import dev.evtrace.analyzer.output.Table;
import dev.evtrace.analyzer.output.Table.Clip;
import dev.evtrace.analyzer.output.Table.Column;
import dev.evtrace.analyzer.output.TableRenderer;
import dev.evtrace.analyzer.output.Units;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code analyzer lineage}: why an event happened, as the chain of events that caused it. */
@Command(name = "lineage",
        description = {
            "Prints the causation chain of an event, root first.",
            "From the root event down to the event, e.g. BAR -> SIGNAL -> ORDER -> FILL: each step's id, type, "
                    + "source, creation time, and milliseconds since the first step.",
            "With --type, prints one chain for every event of that type in the run. A cause missing from the store "
                    + "ends the chain and is shown as (missing ID)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  java -jar analyzer.jar lineage --event 1042",
            "  java -jar analyzer.jar lineage --run backtest_20251124_160000_1a2b3c4d \\",
            "      --type FILL --format csv"})
public final class LineageCommand implements Runnable {
    /** Walking needs ids, causes and labels, never the payloads. */
    private static final Set<String> COLUMNS =
            Set.of(EVENT_ID, EVENT_TYPE, CAUSATION_ID, SOURCE_CONTAINER, CREATED_AT, SEQUENCE_NUMBER);

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @ArgGroup(multiplicity = "1")
    private Target target;

    @Option(names = "--run", paramLabel = "RUN",
            description = "The run (correlation id). Needed with --type; with --event, needed only when the id "
                    + "exists in several runs, as ids are unique only within a run.")
    private String run;

    /** Either one event or every event of a type: picocli rejects both or neither. */
    static final class Target {
        @Option(names = "--event", paramLabel = "ID", description = "The event whose chain to print.")
        Long eventId;

        @Option(names = "--type", paramLabel = "TYPE", description = "Print the chain of every event of this type.")
        String type;
    }

    @Override
    public void run() {
        if (target.type != null && run == null) {
            throw new ParameterException(spec.commandLine(), "--type needs --run");
        }
        if (target.eventId != null && target.eventId < 1) {
            throw new ParameterException(spec.commandLine(), "--event must be at least 1, was " + target.eventId);
        }
        Store store = common.openStore();
        String runId = run != null ? run : runOf(store, target.eventId);
        // The whole run at once, by id: one scan, then each step is a map look-up rather than a query.
        Map<Long, TracedEvent> byId = new HashMap<>();
        store.scanRun(runId, EventQuery.all().withColumns(COLUMNS), e -> byId.put(e.eventId(), e));
        List<CausationChain> chains = new ArrayList<>();
        for (TracedEvent e : targets(runId, byId)) {
            chains.add(CausationChain.walk(e, byId));
        }
        print(common.output(), runId, chains);
    }

    private static String runOf(Store store, long eventId) {
        SortedSet<String> runs = store.runsWithEvent(eventId);
        if (runs.isEmpty()) {
            throw new DataException("no event " + eventId + " in store " + store.location());
        }
        if (runs.size() > 1) {
            throw new DataException("event " + eventId + " exists in " + runs.size() + " runs; name one with --run");
        }
        return runs.first();
    }

    private List<TracedEvent> targets(String runId, Map<Long, TracedEvent> byId) {
        if (target.eventId != null) {
            TracedEvent event = byId.get(target.eventId);
            if (event == null) {
                throw new DataException("no event " + target.eventId + " in run " + runId);
            }
            return List.of(event);
        }
        return byId.values().stream()
                .filter(e -> e.eventType().equals(target.type))
                .sorted(Comparator.comparingLong(TracedEvent::sequenceNumber))
                .toList();
    }

    private void print(Output output, String runId, List<CausationChain> chains) {
        if (output.format() != Format.TABLE) {
            output.print(steps(chains, true), json -> json(json, runId, chains));
            return;
        }
        // For people, one titled block per chain reads better than one long table.
        PrintWriter out = output.writer();
        if (chains.isEmpty()) {
            out.println("no " + target.type + " events in run " + runId);
        }
        for (int i = 0; i < chains.size(); i++) {
            CausationChain chain = chains.get(i);
            out.println((i > 0 ? "\n" : "") + runId + " event " + chain.target().eventId() + ": " + chain.path());
            TableRenderer.render(steps(List.of(chain), false), out);
        }
        out.flush();
    }

    private static Table steps(List<CausationChain> chains, boolean withChain) {
        List<Column> columns = new ArrayList<>();
        if (withChain) {
            columns.add(Column.number("chain"));
        }
        columns.addAll(List.of(Column.number("step"), Column.number("id"), Column.text("type"),
                Column.clipped("source", Clip.KEEP_END, 40), Column.text("created"), Column.number("elapsed_ms")));
        Table table = new Table(columns);
        for (CausationChain chain : chains) {
            for (int i = 0; i < chain.steps().size(); i++) {
                Step step = chain.steps().get(i);
                TracedEvent e = step.event();
                List<Object> row = new ArrayList<>();
                if (withChain) {
                    row.add(chain.target().eventId());
                }
                row.addAll(step.missing()
                        ? Arrays.asList(i + 1, step.eventId(), "(missing)", null, null, null)
                        : List.of(i + 1, step.eventId(), e.eventType(), e.sourceContainer(), Units.iso(e.createdAt()),
                                Units.millis(e.createdAt() - chain.firstCreatedAt())));
                table.row(row.toArray());
            }
        }
        return table;
    }

    private static void json(JsonWriter json, String runId, List<CausationChain> chains) {
        json.beginObject().field("run", runId).name("chains").beginArray();
        for (CausationChain chain : chains) {
            json.beginObject()
                    .field("event_id", chain.target().eventId())
                    .field("event_type", chain.target().eventType())
                    .field("path", chain.path())
                    .field("complete", chain.complete())
                    .name("steps").beginArray();
            for (Step step : chain.steps()) {
                TracedEvent e = step.event();
                json.beginObject()
                        .field("event_id", step.eventId())
                        .field("event_type", step.missing() ? null : e.eventType())
                        .field("source", step.missing() ? null : e.sourceContainer())
                        .field("created_at", step.missing() ? null : Units.iso(e.createdAt()))
                        .field("elapsed_ms", step.missing() ? null : Units.millis(e.createdAt() - chain.firstCreatedAt()))
                        .field("missing", step.missing())
                        .endObject();
            }
            json.endArray().endObject();
        }
        json.endArray().endObject();
    }
}
