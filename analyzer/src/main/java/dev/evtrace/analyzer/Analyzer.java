package dev.evtrace.analyzer;

import dev.evtrace.analyzer.catalog.CatalogCommand;
import dev.evtrace.analyzer.events.EventsCommand;
import dev.evtrace.analyzer.export.ExportCommand;
import dev.evtrace.analyzer.latency.LatencyCommand;
import dev.evtrace.analyzer.lineage.LineageCommand;
import dev.evtrace.analyzer.recover.RecoverCommand;
import dev.evtrace.analyzer.report.ReportCommand;
import dev.evtrace.analyzer.runs.RunsCommand;
import dev.evtrace.analyzer.sample.SampleCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code analyzer} command: the entry point of the jar, and the parent of one subcommand per question. */
@Command(name = "analyzer",
        mixinStandardHelpOptions = true,
        versionProvider = Analyzer.Version.class,
        description = "Reads the event store a traced backtest wrote: its runs, their events, the causation chain "
                + "of an event and what it led to, latency per event type, source and handler; records runs in an "
                + "SQL catalog, draws a run on an HTML page, exports it for Perfetto, samples it down, and recovers "
                + "what killed tracers left in their journals.",
        subcommands = {RunsCommand.class, EventsCommand.class, LineageCommand.class, LatencyCommand.class,
                CatalogCommand.class, ReportCommand.class, ExportCommand.class, SampleCommand.class,
                RecoverCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:bad data: no store, unknown run or event, unreadable file, unreachable database, unwritable output; "
                    + "or an internal error",
            "2:bad usage: unknown or missing option, bad value"},
        footerHeading = "%nExample:%n",
        footer = "  java -jar analyzer.jar runs --store ./events")
public final class Analyzer implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        // UTF-8 whatever the platform default: JSON must be UTF-8, and payloads may hold any character.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        System.exit(run(args, out, err));
    }

    /** Runs the command line without exiting: the exit code is returned, output goes to {@code out} and {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        ErrorHandler errors = new ErrorHandler();
        int exitCode = new CommandLine(new Analyzer())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /** Reached only when no subcommand was named. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: name one of runs, events, lineage, latency, catalog, report, export, sample, recover");
    }

    /** The version the jar's manifest carries; classes run outside the jar (tests, an IDE) have none. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Analyzer.class.getPackage().getImplementationVersion();
            return new String[] {"evtrace analyzer " + (version == null ? "(development build)" : version)};
        }
    }
}
