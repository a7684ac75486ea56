package dev.evtrace.analyzer.runs;

import static dev.evtrace.store.EventSchema.CORRELATION_ID;
import static dev.evtrace.store.EventSchema.CREATED_AT;
import static dev.evtrace.store.EventSchema.EVENT_TYPE;
import static dev.evtrace.store.EventSchema.PROCESSED_AT;
import static dev.evtrace.store.EventSchema.SEQUENCE_NUMBER;

import dev.evtrace.analyzer.CommonOptions;
import dev.evtrace.analyzer.FormatOption;
import dev.evtrace.analyzer.Store;
import dev.evtrace.analyzer.output.JsonWriter;
import dev.evtrace.analyzer.output.Table;
import dev.evtrace.analyzer.output.Table.Column;
import dev.evtrace.analyzer.output.Units;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterCounters;
import dev.evtrace.store.journal.JournalRecovery;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code analyzer runs}: every run in the store, oldest first. */
@Command(name = "runs",
        description = {
            "Lists every run in the store, oldest first.",
            "For each run (correlation id): its start (first event created), end (last event processed or "
                    + "created), duration, and how many events it published, in total and per type; for a run "
                    + "recorded with tracer.sample.rate below 1, how many events the sampler left out; and how "
                    + "many of the events the program published are missing (dropped on a full ring, lost to a "
                    + "store error), as its tracer counted them at exit. If killed tracers left events in their "
                    + "journals, a line on stderr says so (analyzer recover stores them)."},
        footerHeading = "%nExample:%n",
        footer = "  java -jar analyzer.jar runs --store ./events --format csv")
public final class RunsCommand implements Runnable {
    /** Files that mix runs are read row by row, but only these columns: never the costly data map. */
    private static final Set<String> COLUMNS = Set.of(CORRELATION_ID, EVENT_TYPE, CREATED_AT, PROCESSED_AT, SEQUENCE_NUMBER);

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private FormatOption format;

    @Override
    public void run() {
        Map<String, RunSummary> byRun = new HashMap<>();
        Store store = common.openStore();
        // Footers first: a row group of one run and one type is summed from its statistics, unread.
        store.summarize(group -> byRun.computeIfAbsent(group.run(), RunSummary::new).add(group),
                COLUMNS, e -> byRun.computeIfAbsent(e.correlationId(), RunSummary::new).add(e));
        List<RunSummary> runs = new ArrayList<>(byRun.values());
        runs.sort(Comparator.comparingLong(RunSummary::start).thenComparing(RunSummary::run));
        WriterCounters counters = store.writerCounters();
        format.output().print(table(runs, counters), json -> json(json, runs, counters));
        warnOfUnrecoveredJournals();
    }

    /** Runs that a killed tracer cut short have events in its journal: say how to get them. */
    private void warnOfUnrecoveredJournals() {
        int journals;
        try {
            journals = JournalRecovery.unrecovered(common.store());
        } catch (IOException | RuntimeException e) {
            return; // a hint only: the runs printed are what the store holds
        }
        if (journals > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("analyzer runs: " + journals + " killed tracer(s) left events in " + JournalRecovery.DIR
                    + " that these runs do not show yet; analyzer recover stores them");
            err.flush();
        }
    }

    private static Table table(List<RunSummary> runs, WriterCounters counters) {
        List<String> types = RunSummary.types(runs);
        // Only a store with sampled runs, or runs that lost events, gets the columns: most are recorded whole.
        boolean sampled = runs.stream().anyMatch(run -> !counters.sampledOut(run.run()).isEmpty());
        boolean lossy = runs.stream().anyMatch(run -> missing(run, counters).orElse(0) > 0);
        List<Column> columns = new ArrayList<>(List.of(Column.text("run"), Column.text("start"), Column.text("end"),
                Column.number("duration_ms"), Column.number("events")));
        types.forEach(type -> columns.add(Column.number(type)));
        if (sampled) {
            columns.add(Column.number("sampled_out"));
        }
        if (lossy) {
            columns.add(Column.number("missing"));
        }
        Table table = new Table(columns);
        for (RunSummary run : runs) {
            List<Object> row = new ArrayList<>(List.of(run.run(), Units.iso(run.start()), Units.iso(run.end()),
                    Units.millis(run.end() - run.start()), run.events()));
            types.forEach(type -> row.add(run.count(type)));
            if (sampled) {
                row.add(sampledOut(run, counters));
            }
            if (lossy) {
                OptionalLong missing = missing(run, counters);
                row.add(missing.isPresent() ? (Object) missing.getAsLong() : "-");
            }
            table.row(row.toArray());
        }
        return table;
    }

    private static void json(JsonWriter json, List<RunSummary> runs, WriterCounters counters) {
        json.beginObject().name("runs").beginArray();
        for (RunSummary run : runs) {
            json.beginObject()
                    .field("run", run.run())
                    .field("start", Units.iso(run.start()))
                    .field("end", Units.iso(run.end()))
                    .field("duration_ms", Units.millis(run.end() - run.start()))
                    .field("events", run.events())
                    .name("events_by_type").beginObject();
            run.types().forEach(type -> json.field(type, run.count(type)));
            json.endObject();
            Map<String, Long> sampledOut = counters.sampledOut(run.run());
            if (!sampledOut.isEmpty()) {
                json.name("sampled_out_by_type").beginObject();
                sampledOut.forEach(json::field);
                json.endObject();
            }
            OptionalLong published = counters.published(run.run());
            if (published.isPresent()) {
                json.field("published", published.getAsLong()).field("missing", missing(run, counters).getAsLong());
            }
            json.endObject();
        }
        json.endArray().endObject();
    }

    private static long sampledOut(RunSummary run, WriterCounters counters) {
        return counters.sampledOut(run.run()).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Events the program published that the store does not hold and the sampler did not leave out by design:
     * unknown when no writer reported the run (it was killed, or is still running). The tracer's own marker rows
     * (which record a loss) are not events of the program.
     */
    private static OptionalLong missing(RunSummary run, WriterCounters counters) {
        OptionalLong published = counters.published(run.run());
        if (published.isEmpty()) {
            return OptionalLong.empty();
        }
        long stored = run.events() - run.count(TracedEvent.DATA_LOSS);
        return OptionalLong.of(Math.max(0, published.getAsLong() - stored - sampledOut(run, counters)));
    }
}
