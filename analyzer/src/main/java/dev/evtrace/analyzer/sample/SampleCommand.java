package dev.evtrace.analyzer.sample;

import dev.evtrace.analyzer.CommonOptions;
import dev.evtrace.analyzer.DataException;
import dev.evtrace.analyzer.FormatOption;
import dev.evtrace.analyzer.OutputFile;
import dev.evtrace.analyzer.Store;
import dev.evtrace.analyzer.output.Format;
import dev.evtrace.analyzer.output.Output;
import dev.evtrace.analyzer.output.Table;
import dev.evtrace.analyzer.output.Table.Column;
import dev.evtrace.store.Delivery;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterIds;
import dev.evtrace.store.WriterOptions;
import dev.evtrace.store.sampling.SamplingOptions;
import dev.evtrace.store.sampling.SmartSampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code analyzer sample}: a smaller copy of a run that keeps what explains it. */
@Command(name = "sample",
        description = {
            "Writes a sampled copy of one run to a new store, and prints how many events of each type it kept.",
            "The run's events pass in sequence order through the smart sampler: every critical event is kept, with "
                    + "the 5 events before and after it; of the others, a random share of about RATE, raised up to "
                    + "3 x RATE near critical events. The same run and options give the same sample. The kept "
                    + "events' handler deliveries are copied with them. The whole run is held in memory to be put "
                    + "in sequence order."},
        footerHeading = "%nExample:%n",
        footer = {
            "  java -jar analyzer.jar sample --store ./events --run backtest_20251124_160000_1a2b3c4d \\",
            "      --rate 0.1 --out ./events-small"})
public final class SampleCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private FormatOption format;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "The run (correlation id).")
    private String run;

    @Option(names = "--rate", required = true, paramLabel = "R",
            description = "The share of ordinary events to keep: greater than 0, at most 1.")
    private double rate;

    @Option(names = "--out", paramLabel = "DIR", description = "The new store (default: <store>-sampled-<rate>).")
    private Path out;

    @Option(names = "--critical", paramLabel = "TYPE",
            description = "An event type always kept; repeat for several (default: SIGNAL, ORDER, FILL, RISK_BREACH, "
                    + "PORTFOLIO).")
    private Set<String> critical = new LinkedHashSet<>();

    @Override
    public void run() {
        if (!(rate > 0 && rate <= 1)) {
            throw new ParameterException(spec.commandLine(), "--rate must be greater than 0 and at most 1, was " + rate);
        }
        SamplingOptions options = SamplingOptions.atRate(rate);
        if (!critical.isEmpty()) {
            options = options.withCriticalTypes(critical);
        }
        Path target = out != null ? out : Path.of(common.store().replaceAll("[/\\\\]+$", "") + "-sampled-"
                + BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString());
        requireEmpty(target);
        Store store = common.openStore();
        List<TracedEvent> events = new ArrayList<>();
        store.scanRun(run, EventQuery.all(), events::add);
        events.sort(Comparator.comparingLong(TracedEvent::sequenceNumber));
        Map<String, long[]> counts = new LinkedHashMap<>();
        Set<Long> kept = new HashSet<>();
        WriterOptions writerOptions = new WriterOptions(WriterIds.newId(), WriterOptions.DEFAULT_ROLL_EVENTS,
                Map.of("evtrace.correlation_id", run, "evtrace.sampled_from", store.location(),
                        "evtrace.sample_rate", Double.toString(rate)));
        try (EventDatasetWriter writer = new EventDatasetWriter(target.toString(), writerOptions)) {
            SmartSampler<TracedEvent> sampler = new SmartSampler<>(options, TracedEvent::eventType, e -> {
                write(writer, e);
                kept.add(e.eventId());
            });
            for (TracedEvent e : events) {
                counts.computeIfAbsent(e.eventType(), t -> new long[2])[0]++;
                sampler.accept(e);
            }
            sampler.flush();
            sampler.droppedByType().forEach((type, dropped) -> counts.get(type)[1] = dropped);
            for (Delivery d : store.deliveries(run).all()) {
                if (kept.contains(d.eventId())) {
                    writer.write(d);
                }
            }
        } catch (IOException e) {
            throw new DataException("cannot write the sample to " + target + ": " + OutputFile.describe(e), e);
        } catch (UncheckedIOException e) {
            throw new DataException("cannot write the sample to " + target + ": "
                    + OutputFile.describe(e.getCause()), e);
        }
        print(target, counts);
    }

    private static void write(EventDatasetWriter writer, TracedEvent e) {
        try {
            writer.write(e);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** A sample goes to a new store: writing into one that holds events would mix two runs' copies. */
    private static void requireEmpty(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw new DataException(target + " already exists and is not empty; name a new directory with --out");
            }
        } catch (IOException e) {
            throw new DataException("cannot write the sample to " + target + ": " + OutputFile.describe(e), e);
        }
    }

    private void print(Path target, Map<String, long[]> counts) {
        Table table = new Table(List.of(Column.text("type"), Column.number("events"), Column.number("kept"),
                Column.number("dropped")));
        counts.forEach((type, c) -> table.row(type, c[0], c[0] - c[1], c[1]));
        Output output = format.output();
        if (output.format() == Format.TABLE) {
            output.writer().println(run + " sampled at " + BigDecimal.valueOf(rate).toPlainString() + " into " + target);
        }
        output.print(table, json -> {
            json.beginObject().field("run", run).field("rate", BigDecimal.valueOf(rate)).field("out", target.toString())
                    .name("types").beginArray();
            counts.forEach((type, c) -> json.beginObject().field("event_type", type).field("events", c[0])
                    .field("kept", c[0] - c[1]).field("dropped", c[1]).endObject());
            json.endArray().endObject();
        });
    }
}
