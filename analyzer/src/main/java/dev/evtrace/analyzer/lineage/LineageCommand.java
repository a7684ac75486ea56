package dev.evtrace.analyzer.lineage;

import static dev.evtrace.store.EventSchema.CAUSATION_ID;
import static dev.evtrace.store.EventSchema.CREATED_AT;
import static dev.evtrace.store.EventSchema.EVENT_ID;
import static dev.evtrace.store.EventSchema.EVENT_TYPE;
import static dev.evtrace.store.EventSchema.SEQUENCE_NUMBER;
import static dev.evtrace.store.EventSchema.SOURCE_CONTAINER;

import dev.evtrace.analyzer.CommonOptions;
import dev.evtrace.analyzer.DataException;
import dev.evtrace.analyzer.FormatOption;
import dev.evtrace.analyzer.Store;
import dev.evtrace.analyzer.output.Format;
import dev.evtrace.analyzer.output.Output;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
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

/** {@code analyzer lineage}: why an event happened (the chain of events that caused it), or what it led to. */
@Command(name = "lineage",
        description = {
            "Prints the causation chain of an event (any event, of any type), root first; with --down, what the "
                    + "event led to instead.",
            "From the root event down to the event, e.g. BAR -> SIGNAL -> ORDER -> FILL: each step's id, type, "
                    + "source, creation time, and milliseconds since the first step.",
            "With --type, prints one chain for every event of that type in the run. A cause missing from the store "
                    + "ends the chain and is shown as (missing ID).",
            "With --down, prints the event's descendants as a tree: the events its handlers published, theirs, "
                    + "and so on; indented by depth in table output, nested in json, with depth and cause in csv."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  java -jar analyzer.jar lineage --event 1042",
            "  java -jar analyzer.jar lineage --event 1039 --down",
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

    @Mixin
    private FormatOption format;

    @ArgGroup(multiplicity = "1")
    private Target target;

    @Option(names = "--run", paramLabel = "RUN",
            description = "The run (correlation id). Needed with --type; with --event, needed only when the id "
                    + "exists in several runs, as ids are unique only within a run.")
    private String run;

    /** Either one event or every event of a type: picocli rejects both or neither. */
    static final class Target {
        @Option(names = "--event", paramLabel = "ID",
                description = "The event whose chain (with --down, whose descendants) to print.")
        Long eventId;

        @Option(names = "--type", paramLabel = "TYPE",
                description = "Print the chain (or descendants) of every event of this type.")
        String type;
    }

    @Option(names = "--down",
            description = "Print what the event led to instead: its descendants, as a tree in publish order.")
    private boolean down;

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
        if (target.eventId != null && !down) {
            printChain(store, runId);
            return;
        }
        // The whole run at once, by id: one scan, then each step is a map look-up rather than a query.
        Map<Long, TracedEvent> byId = new HashMap<>();
        store.scanRun(runId, EventQuery.all().withColumns(COLUMNS), e -> byId.put(e.eventId(), e));
        List<TracedEvent> targets = targets(runId, byId);
        Output output = format.output();
        if (targets.isEmpty() && output.format() == Format.TABLE) {
            output.writer().println("no " + target.type + " events in run " + runId);
            output.writer().flush();
        } else if (down) {
            Map<Long, List<TracedEvent>> byCause = DescendantTree.byCause(byId.values());
            TreeOutput.print(output, runId, targets.stream().map(e -> DescendantTree.grow(e, byCause)).toList());
        } else {
            ChainOutput.print(output, runId, targets.stream().map(e -> CausationChain.walk(e, byId::get)).toList());
        }
    }

    /** One event's chain: read by windows of ids around its steps, never the whole run. */
    private void printChain(Store store, String runId) {
        IdWindows events = new IdWindows(store, runId, COLUMNS);
        TracedEvent event = events.apply(target.eventId);
        if (event == null) {
            store.requireRun(runId);
            throw new DataException("no event " + target.eventId + " in run " + runId);
        }
        CausationChain chain = CausationChain.walk(event, events);
        ChainOutput.print(format.output(), runId, List.of(chain));
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
}
