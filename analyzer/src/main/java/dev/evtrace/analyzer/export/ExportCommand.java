package dev.evtrace.analyzer.export;

import dev.evtrace.analyzer.CommonOptions;
import dev.evtrace.analyzer.Deliveries;
import dev.evtrace.analyzer.OutputFile;
import dev.evtrace.analyzer.Store;
import dev.evtrace.analyzer.export.PerfettoTrace.Counts;
import dev.evtrace.analyzer.output.JsonWriter;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code analyzer export}: a run in a file format other tools open. */
@Command(name = "export",
        description = {
            "Writes one run to a file other tools open: a Chrome trace for Perfetto.",
            "Here --format is the file's format, not the table/json/csv of the other commands.",
            "perfetto: Chrome trace-event JSON for ui.perfetto.dev or chrome://tracing. One track per component "
                    + "(each event source and each handler); each event a slice from its creation to its processing "
                    + "on its source's track (an instant if never processed); each handler delivery a slice on the "
                    + "handler's track; an arrow from every event to each event its handlers published. Times are "
                    + "microseconds since the run's first event."},
        footerHeading = "%nExample:%n",
        footer = {
            "  java -jar analyzer.jar export --run backtest_20251124_160000_1a2b3c4d \\",
            "      --format perfetto --out trace.json"})
public final class ExportCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "The run (correlation id).")
    private String run;

    @Option(names = "--format", paramLabel = "FILE_FORMAT", defaultValue = "perfetto", converter = FileFormats.class,
            description = "The file format: perfetto (default: ${DEFAULT-VALUE}).")
    private FileFormat fileFormat;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The file to write (replaced if it exists).")
    private Path out;

    /** The formats export writes; one so far. */
    enum FileFormat { PERFETTO }

    @Override
    public void run() {
        Store store = common.openStore();
        Deliveries deliveries = store.deliveries(run);
        List<TracedEvent> events = new ArrayList<>();
        store.scanRunTimed(run, EventQuery.all(), deliveries, events::add);
        Counts[] counts = new Counts[1];
        switch (fileFormat) {
            case PERFETTO -> {
                PerfettoTrace trace = new PerfettoTrace(run, events, deliveries.all());
                OutputFile.write(out, file -> counts[0] = trace.write(new JsonWriter(file, false)));
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("wrote %s: %d events, %d deliveries, %d causation arrows, %d tracks%n",
                out, counts[0].events(), counts[0].deliveries(), counts[0].flows(), counts[0].tracks());
        stdout.flush();
    }

    /** Any case; on a bad value names the formats as users type them. */
    static final class FileFormats implements ITypeConverter<FileFormat> {
        @Override
        public FileFormat convert(String value) {
            try {
                return FileFormat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected perfetto but was '" + value + "'");
            }
        }
    }
}
