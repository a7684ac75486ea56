package dev.evtrace.analyzer.report;

import dev.evtrace.analyzer.CommonOptions;
import dev.evtrace.analyzer.Deliveries;
import dev.evtrace.analyzer.OutputFile;
import dev.evtrace.analyzer.Store;
import dev.evtrace.analyzer.catalog.RunMetrics;
import dev.evtrace.analyzer.latency.LatencyGroups;
import dev.evtrace.analyzer.latency.LatencyGroups.By;
import dev.evtrace.analyzer.latency.LatencyGroups.Group;
import dev.evtrace.analyzer.latency.LatencyJson;
import dev.evtrace.analyzer.lineage.CausationChain;
import dev.evtrace.analyzer.output.JsonWriter;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code analyzer report}: one run on one self-contained HTML page. */
@Command(name = "report",
        description = {
            "Writes one self-contained HTML page about a run: open it in any browser, offline.",
            "It shows the run's summary (extent, events, performance from its PORTFOLIO and FILL events), events "
                    + "per type, latency per type with its percentile curve (HdrHistogram style: percentile on a log "
                    + "scale, milliseconds up), a timeline of the run by type, and the causation graph of the first "
                    + "fills (BAR -> SIGNAL -> ORDER -> FILL). Latencies are those latency --format json prints."},
        footerHeading = "%nExample:%n",
        footer = {
            "  java -jar analyzer.jar report --store ./events --run backtest_20251124_160000_1a2b3c4d \\",
            "      --out report.html --fills 20"})
public final class ReportCommand implements Runnable {
    static final String FILL = "FILL";

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "The run (correlation id).")
    private String run;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The HTML file to write (replaced if it exists).")
    private Path out;

    @Option(names = "--fills", paramLabel = "N", defaultValue = "10",
            description = "How many fills, the first in the run, to draw the lineage of (default: ${DEFAULT-VALUE}).")
    private int fills;

    @Override
    public void run() {
        if (fills < 0) {
            throw new ParameterException(spec.commandLine(), "--fills must be at least 0, was " + fills);
        }
        ReportData data = read(common.openStore());
        OutputFile.write(out, page -> HtmlReport.write(page, data));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("wrote %s: %d events, %d types, lineage of %d fills%n", out, data.metrics().events(),
                data.types().size(), data.fills().size());
        stdout.flush();
    }

    /** One pass over the run, timed from its deliveries; payloads are read for the metrics, then let go. */
    private ReportData read(Store store) {
        Deliveries deliveries = store.deliveries(run);
        LatencyGroups latency = new LatencyGroups(By.TYPE);
        RunMetrics metrics = new RunMetrics();
        List<TracedEvent> events = new ArrayList<>();
        store.scanRunTimed(run, EventQuery.all(), deliveries, e -> {
            latency.add(e);
            metrics.add(e);
            events.add(new TracedEvent(e.eventId(), e.eventType(), e.timestamp(), e.correlationId(), e.causationId(),
                    e.sourceContainer(), e.createdAt(), e.emittedAt(), e.receivedAt(), e.processedAt(), Map.of(),
                    e.version(), e.sequenceNumber(), e.partitionKey()));
        });
        events.sort(Comparator.comparingLong(TracedEvent::sequenceNumber));
        List<Group> groups = latency.groups();
        StringWriter json = new StringWriter();
        LatencyJson.groups(new JsonWriter(new PrintWriter(json)), run, By.TYPE, groups);

        Map<Long, TracedEvent> byId = new HashMap<>();
        events.forEach(e -> byId.put(e.eventId(), e));
        List<CausationChain> chains = events.stream()
                .filter(e -> e.eventType().equals(FILL))
                .limit(fills)
                .map(e -> CausationChain.walk(e, byId::get))
                .toList();
        return new ReportData(run, metrics, groups, json.toString(), events, deliveries.all(), chains);
    }
}
