package dev.evtrace.benchmarks;

import dev.evtrace.benchmarks.process.Directories;
import dev.evtrace.benchmarks.process.GcLog;
import dev.evtrace.benchmarks.process.Harness;
import dev.evtrace.benchmarks.process.JvmRun;
import dev.evtrace.benchmarks.process.Machine;
import dev.evtrace.benchmarks.process.SampleJars;
import dev.evtrace.benchmarks.process.SampleOutput;
import dev.evtrace.benchmarks.process.Tally;
import dev.evtrace.benchmarks.process.ThreadCpu;
import dev.evtrace.benchmarks.process.TimeToMain;
import dev.evtrace.benchmarks.process.Variant;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The end-to-end overhead of issue 7: the reference backtest run untraced, traced, and with the agent attached
 * but {@code tracer.enabled=false}, interleaved round by round (the order rotates), each traced run with a
 * fresh store that is measured and deleted. It prints per-variant medians of the sample's own {@code elapsed:}
 * time, of the process's wall time and of its CPU time (all threads: on a shared machine the CPU a run used
 * moves less than its elapsed time), the medians of the per-round ratios to the untraced run, the tracer's
 * waiting for buffer space, the store's bytes per event, the heap, the start-up the agent adds and the size
 * of tracer.jar. Every figure compares runs made by this one invocation.
 *
 * <p>Run it from the repository root after {@code mvn -B -q install -DskipTests} (about 5 minutes on a quiet
 * 2-core machine, more when the traced runs wait for the writer):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.evtrace.benchmarks.EndToEnd --runs 5 --mode sync -- --symbols 20 --bars 50000 --seed 42
 * </pre>
 */
@Command(name = "EndToEnd", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the sample backtest untraced, traced and with tracer.enabled=false, interleaved, "
                + "and prints medians and median ratios.")
public final class EndToEnd implements Callable<Integer> {
    static final List<String> DEFAULT_SAMPLE_ARGS = List.of("--symbols", "20", "--bars", "50000", "--seed", "42");

    @Option(names = "--runs", defaultValue = "5", description = "backtest rounds, each running every variant once (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--startup-runs", defaultValue = "10", description = "start-up rounds (default: ${DEFAULT-VALUE})")
    int startupRuns;

    @Option(names = "--mode", description = "the sample's dispatch mode, passed on as its --mode")
    String mode;

    @Option(names = "--short-bars", description = "bars of a shorter backtest run untraced and traced each round, "
            + "to tell the CPU tracing adds per event from what it adds per JVM (default: a tenth of the sample's "
            + "--bars; 0: none)")
    Integer shortBars;

    @Mixin
    SampleJars jars;

    @Option(names = "--java", description = "the java launcher for every run (default: this JVM's)")
    Path java;

    @Option(names = "--jvm-option", description = "an option for every run's JVM, e.g. --jvm-option=-Xmx4g (repeatable)")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--timeout", defaultValue = "3600", description = "seconds one run may take (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Parameters(paramLabel = "SAMPLE_ARG", description = "after --, the sample's arguments (default: --symbols 20 --bars 50000 --seed 42)")
    List<String> sampleArgs = new ArrayList<>();

    private final PrintStream out = System.out;
    private final Map<Variant, Tally> tallies = new EnumMap<>(Variant.class);
    private Path tracerJar;
    private Path samplesJar;
    private Path tracerConfig;
    private Path scratch;
    private int stores;

    public static void main(String[] args) {
        Harness.main("EndToEnd", new EndToEnd(), args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        tracerJar = jars.tracerJar();
        samplesJar = jars.samplesJar();
        tracerConfig = jars.tracerConfig();
        java = java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> args = new ArrayList<>(sampleArgs.isEmpty() ? DEFAULT_SAMPLE_ARGS : sampleArgs);
        if (mode != null) {
            args.addAll(List.of("--mode", mode));
        }
        for (Variant v : Variant.values()) {
            tallies.put(v, new Tally());
        }
        scratch = Files.createTempDirectory("evtrace-e2e");
        try {
            out.printf(Locale.ROOT, "end-to-end: java %s, %d cores; sample: java -jar %s %s%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), samplesJar,
                    String.join(" ", args));
            startUp(tinyArgs());
            backtests(args, shortArgs(args, shortBars));
            new EndToEndReport(out, tallies, Files.size(tracerJar)).print();
        } finally {
            Directories.delete(scratch);
        }
        return 0;
    }

    /** Time to main with a class that does nothing, and the whole of a one-bar backtest. */
    private void startUp(List<String> tiny) throws IOException, InterruptedException {
        Path probe = TimeToMain.classDirectory(scratch.resolve("probe"));
        out.printf(Locale.ROOT, "start-up: %d rounds of TimeToMain and of a one-bar backtest per variant%n", startupRuns);
        for (int round = 0; round < startupRuns; round++) {
            for (Variant v : Variant.inTurn(round)) {
                Tally t = tallies.get(v);
                JvmRun probeRun = launch(v, List.of(), List.of("-cp", probe.toString(), TimeToMain.class.getName()));
                t.timeToMainMillis.add((SampleOutput.mainEnteredMicros(probeRun.stdout()) - probeRun.launchedAtMicros()) / 1e3);
                List<String> command = new ArrayList<>(List.of("-jar", samplesJar.toString()));
                command.addAll(tiny);
                JvmRun tinyRun = launch(v, List.of(), command);
                t.tinyRunMillis.add(tinyRun.wallNanos() / 1e6);
                t.tinyRunCpuSeconds.add(tinyRun.cpuNanos() / 1e9);
                Tally.add(t.tinyRunCpuSecondsByGroup, tinyRun.cpuSecondsByGroup());
            }
        }
    }

    private void backtests(List<String> args, List<String> shortArgs) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "backtest: %d rounds, each variant once per round%s%n", runs, shortArgs.isEmpty() ? ""
                : ", then untraced and traced with " + String.join(" ", shortArgs));
        for (int round = 0; round < runs; round++) {
            Map<Variant, String> results = new EnumMap<>(Variant.class);
            for (Variant v : Variant.inTurn(round)) {
                results.put(v, backtest(round, v, args));
            }
            for (Variant v : Variant.inTurn(round)) {
                if (!shortArgs.isEmpty() && v != Variant.DISABLED) {
                    shortBacktest(round, v, shortArgs);
                }
            }
            String untracedResults = results.get(Variant.UNTRACED);
            Tally untraced = tallies.get(Variant.UNTRACED);
            for (Variant v : Variant.values()) {
                Tally t = tallies.get(v);
                t.elapsedRatios.add(Tally.last(t.elapsedSeconds) / Tally.last(untraced.elapsedSeconds));
                t.wallRatios.add(Tally.last(t.wallSeconds) / Tally.last(untraced.wallSeconds));
                t.cpuRatios.add(Tally.last(t.cpuSeconds) / Tally.last(untraced.cpuSeconds));
                if (!results.get(v).equals(untracedResults)) {
                    out.printf("  WARNING round %d: the %s run's results differ from the untraced run's%n", round + 1, v.label());
                }
            }
        }
    }

    /** Runs one backtest and returns its results block (stdout), to compare across variants. */
    private String backtest(int round, Variant v, List<String> args) throws IOException, InterruptedException {
        Path gcLog = scratch.resolve("gc-" + round + "-" + v.label() + ".log");
        List<String> command = new ArrayList<>(List.of("-jar", samplesJar.toString()));
        command.addAll(args);
        Path store = nextStore();
        JvmRun run = launch(v, List.of(GcLog.option(gcLog)), command, store);
        Tally t = tallies.get(v);
        double elapsed = SampleOutput.elapsedSeconds(run.stderr());
        t.elapsedSeconds.add(elapsed);
        t.wallSeconds.add(run.wallNanos() / 1e9);
        t.cpuSeconds.add(run.cpuNanos() / 1e9);
        Tally.add(t.cpuSecondsByGroup, run.cpuSecondsByGroup());
        Double waiting = run.waitingSecondsByGroup().get(ThreadCpu.Group.PROGRAM);
        if (waiting != null) {
            t.programWaitingSeconds.add(waiting);
        }
        GcLog gc = GcLog.parse(Files.readString(gcLog));
        Files.delete(gcLog);
        t.heapAfterGc.add((double) gc.maxAfterGc());
        t.heapCommitted.add((double) gc.maxCommitted());
        long published = SampleOutput.eventsPublished(run.stdout());
        String line = String.format(Locale.ROOT, "  round %d %-8s elapsed %6.2f s, wall %6.2f s, cpu %6.2f s, "
                        + "%d events published, load average %s", round + 1, v.label(), elapsed, run.wallNanos() / 1e9,
                run.cpuNanos() / 1e9, published, Machine.loadAverage());
        if (v == Variant.TRACED) {
            SampleOutput.ExitLine exit = SampleOutput.exitLine(run.stderr());
            long bytes = Directories.bytes(store);
            t.written.add((double) exit.written());
            t.dropped.add((double) exit.dropped());
            t.waitingMillis.add((double) exit.waitingMillis());
            t.waitingShares.add(exit.waitingMillis() / (elapsed * 1e3));
            t.storeBytes.add((double) bytes);
            line += String.format(Locale.ROOT, "; %d written, %d dropped, %d ms waiting for buffer space, store %.1f MB",
                    exit.written(), exit.dropped(), exit.waitingMillis(), bytes / 1e6);
        }
        Directories.delete(store);
        out.println(line);
        return run.stdout();
    }

    /** The shorter backtest: only its CPU and, traced, the events written count. */
    private void shortBacktest(int round, Variant v, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-jar", samplesJar.toString()));
        command.addAll(args);
        JvmRun run = launch(v, List.of(), command);
        Tally t = tallies.get(v);
        t.shortCpuSeconds.add(run.cpuNanos() / 1e9);
        String line = String.format(Locale.ROOT, "  round %d %-8s short, cpu %6.2f s", round + 1, v.label(),
                run.cpuNanos() / 1e9);
        if (v == Variant.TRACED) {
            long written = SampleOutput.exitLine(run.stderr()).written();
            t.shortWritten.add((double) written);
            line += ", " + written + " written";
        }
        out.println(line);
    }

    private JvmRun launch(Variant v, List<String> extraOptions, List<String> mainAndArgs)
            throws IOException, InterruptedException {
        Path store = nextStore();
        try {
            return launch(v, extraOptions, mainAndArgs, store);
        } finally {
            Directories.delete(store);
        }
    }

    private JvmRun launch(Variant v, List<String> extraOptions, List<String> mainAndArgs, Path store)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(v.jvmOptions(tracerJar, tracerConfig, store));
        command.addAll(extraOptions);
        command.addAll(mainAndArgs);
        return JvmRun.run(command, scratch, timeoutSeconds).checked(command);
    }

    private Path nextStore() {
        return scratch.resolve("store-" + stores++);
    }

    /** The sample's arguments with {@code --bars} set to {@code shortBars}; none when there is no short run. */
    static List<String> shortArgs(List<String> args, Integer shortBars) {
        int bars = args.indexOf("--bars");
        if (bars < 0 || bars + 1 >= args.size() || (shortBars != null && shortBars <= 0)) {
            return List.of();
        }
        int n = shortBars != null ? shortBars : Integer.parseInt(args.get(bars + 1)) / 10;
        if (n <= 0) {
            return List.of();
        }
        List<String> shorter = new ArrayList<>(args);
        shorter.set(bars + 1, Integer.toString(n));
        return shorter;
    }

    /** A one-symbol, one-bar backtest in the same mode: all start-up and shut-down, almost no work. */
    private List<String> tinyArgs() {
        List<String> tiny = new ArrayList<>(List.of("--symbols", "1", "--bars", "1"));
        if (mode != null) {
            tiny.addAll(List.of("--mode", mode));
        }
        return tiny;
    }

}
