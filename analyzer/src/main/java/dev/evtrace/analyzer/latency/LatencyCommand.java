package dev.evtrace.analyzer.latency;

import dev.evtrace.analyzer.CommonOptions;
import dev.evtrace.analyzer.FormatOption;
import dev.evtrace.analyzer.Store;
import dev.evtrace.analyzer.latency.LatencyGroups.By;
import dev.evtrace.analyzer.latency.LatencyGroups.Group;
import dev.evtrace.analyzer.output.Table;
import dev.evtrace.analyzer.output.Table.Clip;
import dev.evtrace.analyzer.output.Table.Column;
import dev.evtrace.store.Delivery;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code analyzer latency}: how long each type of event took, the seed's analyze_latency, and each handler. */
@Command(name = "latency",
        description = {
            "Prints latency and queue time per event type (or per source), or handler time per handler, in "
                    + "milliseconds.",
            "With --by type (the default) or --by source: count, mean, p50, p95, p99 and max of",
            "  latency    = processed - created (time in the bus and in the handlers)",
            "  queue_time = received - emitted (time in the bus only; 0 with a synchronous bus, whose first handler "
                    + "starts at the publish's moment, unless the program ran with tracer.deliveries.clock=own)",
            "An event never processed (or never received) is left out of that metric and counted as missing. "
                    + "An event the bus did not time (a queued bus) is timed by its handler deliveries: received at "
                    + "the first handler's entry, processed at the last one's exit.",
            "With --by handler: per handler and event type, the same statistics of the time inside the handler "
                    + "(exit - entry of each delivery), and how many deliveries threw."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  java -jar analyzer.jar latency --run backtest_20251124_160000_1a2b3c4d",
            "  java -jar analyzer.jar latency --run backtest_20251124_160000_1a2b3c4d --by handler --format csv"})
public final class LatencyCommand implements Runnable {
    @Mixin
    private CommonOptions common;

    @Mixin
    private FormatOption format;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "The run (correlation id).")
    private String run;

    @Option(names = "--by", paramLabel = "GROUP", defaultValue = "type", converter = GroupingConverter.class,
            description = "type, source or handler (default: ${DEFAULT-VALUE}).")
    private Grouping by;

    enum Grouping { TYPE, SOURCE, HANDLER }

    @Override
    public void run() {
        Store store = common.openStore();
        if (by == Grouping.HANDLER) {
            List<Delivery> deliveries = store.deliveries(run).all();
            if (deliveries.isEmpty()) {
                // A run whose events no handler took is not an unknown run: only a run with no events is.
                store.requireRun(run);
            }
            List<HandlerLatency> handlers = HandlerLatency.of(deliveries);
            format.output().print(handlerTable(handlers), json -> LatencyJson.handlers(json, run, handlers));
            return;
        }
        By groupBy = by == Grouping.TYPE ? By.TYPE : By.SOURCE;
        List<Group> groups = LatencyGroups.of(store, run, groupBy);
        format.output().print(groupTable(groupBy, groups), json -> LatencyJson.groups(json, run, groupBy, groups));
    }

    private static Table groupTable(By by, List<Group> groups) {
        Table table = new Table(List.of(
                by == By.TYPE ? Column.text("type") : Column.clipped("source", Clip.KEEP_END, 40), Column.text("metric"),
                Column.number("count"), Column.number("missing"), Column.number("mean_ms"), Column.number("p50_ms"),
                Column.number("p95_ms"), Column.number("p99_ms"), Column.number("max_ms")));
        for (Group g : groups) {
            metricRow(table, g.key(), "latency", g.latency());
            metricRow(table, g.key(), "queue_time", g.queueTime());
        }
        return table;
    }

    private static void metricRow(Table table, String key, String metric, LatencyStats s) {
        table.row(key, metric, s.count(), s.missing(), s.meanMillis(), s.percentileMillis(50), s.percentileMillis(95),
                s.percentileMillis(99), s.maxMillis());
    }

    private static Table handlerTable(List<HandlerLatency> handlers) {
        Table table = new Table(List.of(Column.clipped("handler", Clip.KEEP_END, 40), Column.text("type"),
                Column.number("count"), Column.number("mean_ms"), Column.number("p50_ms"), Column.number("p95_ms"),
                Column.number("p99_ms"), Column.number("max_ms"), Column.number("threw")));
        for (HandlerLatency h : handlers) {
            LatencyStats s = h.duration();
            table.row(h.handler(), h.eventType(), s.count(), s.meanMillis(), s.percentileMillis(50),
                    s.percentileMillis(95), s.percentileMillis(99), s.maxMillis(), h.threw());
        }
        return table;
    }

    /** Any case; on a bad value names the groupings as users type them. */
    static final class GroupingConverter implements ITypeConverter<Grouping> {
        @Override
        public Grouping convert(String value) {
            try {
                return Grouping.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected one of " + Arrays.stream(Grouping.values())
                        .map(g -> g.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                        + " but was '" + value + "'");
            }
        }
    }
}
