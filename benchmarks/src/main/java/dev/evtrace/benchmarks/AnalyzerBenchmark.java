package dev.evtrace.benchmarks;

import dev.evtrace.benchmarks.process.Directories;
import dev.evtrace.benchmarks.process.Harness;
import dev.evtrace.benchmarks.process.JvmRun;
import dev.evtrace.benchmarks.process.Machine;
import dev.evtrace.benchmarks.process.Stats;
import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.EventSchema;
import dev.evtrace.store.TracedEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The read-side goals of issues 5 and 6 on a store written by {@link StoreFixture}: {@code analyzer runs},
 * {@code events --run} (all of a run, and only its FILLs) and {@code lineage --event} end to end, as real processes of
 * the launcher script {@code analyzer/target/analyzer} (or of {@code java -jar} a jar given instead) (launch to exit, and the CPU time of all their threads, which a busy machine stretches less),
 * interleaved round by round; then all events of one run
 * through the store API in this JVM, warm. Medians, each figure with the load average it was measured at.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.evtrace.benchmarks.AnalyzerBenchmark --store /tmp/wt-analyzer/store-10m
 * </pre>
 */
@Command(name = "AnalyzerBenchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Times the analyzer's runs, events and lineage end to end, and a warm in-process read of one run.")
public final class AnalyzerBenchmark implements Callable<Integer> {
    private static final double RUNS_GOAL_S = 2.0;
    private static final double EVENTS_GOAL_S = 1.0;
    private static final double LINEAGE_GOAL_S = 1.0;
    private static final double FETCH_GOAL_MS = 100;
    private static final long TIMEOUT_SECONDS = 600;

    @Option(names = "--store", required = true, description = "a store written by StoreFixture")
    Path store;

    @Option(names = "--rounds", defaultValue = "5", description = "rounds of the end-to-end commands (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--fetches", defaultValue = "20", description = "timed in-process reads of the run, after as many "
            + "to warm up (default: ${DEFAULT-VALUE})")
    int fetches;

    @Option(names = "--run", description = "the run to read (default: the middle one by name)")
    String run;

    @Option(names = {"--analyzer", "--analyzer-jar"}, defaultValue = "analyzer/target/analyzer",
            description = "the launcher script, or a jar to run with java -jar (default: ${DEFAULT-VALUE})")
    Path analyzerJar;

    @Option(names = {"--baseline", "--baseline-jar"}, description = "another analyzer (e.g. built from an earlier commit, "
            + "or analyzer.jar to compare java -jar with the launcher), launcher or jar, run beside it in every round, "
            + "the two alternating first")
    Path baselineJar;

    @Option(names = "--java", description = "the java launcher (default: this JVM's)")
    Path java;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        Harness.main("AnalyzerBenchmark", new AnalyzerBenchmark(), args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        for (Path jar : baselineJar == null ? List.of(analyzerJar) : List.of(analyzerJar, baselineJar)) {
            if (!Files.isRegularFile(jar)) {
                throw new IOException("no analyzer at " + jar + "; build it first");
            }
        }
        java = java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java");
        EventDatasetReader reader = new EventDatasetReader(store.toString());
        run = run != null ? run : middleRun(reader);
        long fill = lastFill(reader, run);
        out.printf(Locale.ROOT, "analyzer benchmark: java %s, %d cores; store %s, run %s, FILL %d%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), store, run, fill);

        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("runs", List.of("runs"));
        commands.put("events --run", List.of("events", "--run", run));
        commands.put("events --run --type FILL", List.of("events", "--run", run, "--type", "FILL"));
        commands.put("lineage --event", List.of("lineage", "--run", run, "--event", Long.toString(fill)));
        Map<String, Path> jars = new LinkedHashMap<>();
        jars.put("", analyzerJar);
        if (baselineJar != null) {
            jars.put(" (baseline)", baselineJar);
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<Double>> cpuSeconds = new LinkedHashMap<>();
        Map<String, List<String>> loads = new LinkedHashMap<>();
        Path scratch = Files.createTempDirectory("analyzer-benchmark");
        try {
            // A launcher's first run of a command writes its class archive; the rounds time the runs after it.
            for (Path jar : jars.values()) {
                endToEnd(jar, commands.get("lineage --event"), scratch);
            }
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                    List<Map.Entry<String, Path>> order = new ArrayList<>(jars.entrySet());
                    // Alternating which goes first spreads a burst of other work over both.
                    Collections.rotate(order, round);
                    for (Map.Entry<String, Path> jar : order) {
                        String name = command.getKey() + jar.getKey();
                        String load = Machine.loadAverage();
                        JvmRun run = endToEnd(jar.getValue(), command.getValue(), scratch);
                        seconds.computeIfAbsent(name, k -> new ArrayList<>()).add(run.wallNanos() / 1e9);
                        cpuSeconds.computeIfAbsent(name, k -> new ArrayList<>()).add(run.cpuNanos() / 1e9);
                        loads.computeIfAbsent(name, k -> new ArrayList<>()).add(load);
                        out.printf(Locale.ROOT, "round %d  %-37s %7.3f s  cpu %6.3f s  load %s%n", round, name,
                                run.wallNanos() / 1e9, run.cpuNanos() / 1e9, load);
                    }
                }
            }
        } finally {
            Directories.delete(scratch);
        }
        List<Double> fetchMillis = fetches(reader);

        out.printf(Locale.ROOT, "%nmedians, launch to exit (CPU of all the process's threads; load averages seen)%n");
        Map<String, Double> goals = Map.of("runs", RUNS_GOAL_S, "events --run", EVENTS_GOAL_S,
                "events --run --type FILL", EVENTS_GOAL_S, "lineage --event", LINEAGE_GOAL_S);
        for (String command : commands.keySet()) {
            for (String jar : jars.keySet()) {
                summary(command + jar, seconds, cpuSeconds, loads, goals.get(command));
            }
        }
        double fetch = Stats.median(fetchMillis);
        out.printf(Locale.ROOT, "%-37s %7.1f ms  goal %4.0f ms  %s%n", "one run in-process, warm",
                fetch, FETCH_GOAL_MS, fetch <= FETCH_GOAL_MS ? "met" : "NOT met");
        return 0;
    }

    /** One analyzer process, launch to exit; its output goes to a scratch file, as EndToEnd's runs do. */
    private JvmRun endToEnd(Path jar, List<String> args, Path scratch) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(jar.toString().endsWith(".jar")
                ? List.of(java.toString(), "-jar", jar.toString())
                : List.of("env", "JAVA_HOME=" + java.getParent().getParent(), jar.toString()));
        command.addAll(args);
        command.addAll(List.of("--store", store.toString()));
        return JvmRun.run(command, scratch, TIMEOUT_SECONDS).checked(command);
    }

    /** All events of the run, every column, as the store API returns them; the first half only warms up. */
    private List<Double> fetches(EventDatasetReader reader) {
        List<Double> millis = new ArrayList<>();
        int events = 0;
        for (int i = 0; i < 2 * fetches; i++) {
            long start = System.nanoTime();
            events = reader.read(EventQuery.run(run)).size();
            double ms = (System.nanoTime() - start) / 1e6;
            if (i >= fetches) {
                millis.add(ms);
                out.printf(Locale.ROOT, "fetch %2d  %,d events  %7.1f ms  load %s%n", i - fetches + 1, events, ms,
                        Machine.loadAverage());
            }
        }
        return millis;
    }

    private void summary(String name, Map<String, List<Double>> seconds, Map<String, List<Double>> cpuSeconds,
                         Map<String, List<String>> loads, double goal) {
        double median = Stats.median(seconds.get(name));
        out.printf(Locale.ROOT, "%-37s %7.3f s  cpu %6.3f s  goal %3.1f s  %-7s load %s%n", name, median,
                Stats.median(cpuSeconds.get(name)), goal, median <= goal ? "met" : "NOT met",
                String.join(" ", loads.get(name)));
    }

    private static String middleRun(EventDatasetReader reader) {
        Set<String> runs = new TreeSet<>();
        reader.summarize(group -> runs.add(group.run()), Set.of(EventSchema.CORRELATION_ID),
                e -> runs.add(e.correlationId()));
        if (runs.isEmpty()) {
            throw new IllegalStateException("no runs in the store");
        }
        return new ArrayList<>(runs).get(runs.size() / 2);
    }

    /** The run's last FILL: the lineage benchmark walks a full BAR → SIGNAL → ORDER → FILL chain. */
    private static long lastFill(EventDatasetReader reader, String run) {
        long[] last = {TracedEvent.ABSENT};
        reader.scan(EventQuery.run(run).withTypes(Set.of("FILL")).withColumns(Set.of(EventSchema.EVENT_ID)),
                e -> last[0] = Math.max(last[0], e.eventId()));
        if (last[0] == TracedEvent.ABSENT) {
            throw new IllegalStateException("no FILL in run " + run);
        }
        return last[0];
    }
}
