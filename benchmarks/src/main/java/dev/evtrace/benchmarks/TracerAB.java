package dev.evtrace.benchmarks;

import dev.evtrace.benchmarks.process.Directories;
import dev.evtrace.benchmarks.process.Harness;
import dev.evtrace.benchmarks.process.JvmRun;
import dev.evtrace.benchmarks.process.Machine;
import dev.evtrace.benchmarks.process.Paired;
import dev.evtrace.benchmarks.process.SampleJars;
import dev.evtrace.benchmarks.process.SampleOutput;
import dev.evtrace.benchmarks.process.ThreadCpu;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Two builds of the agent (or one with two sets of JVM options) against each other on the same traced backtest,
 * in pairs: A then B, then B then A, and so on. For changes smaller than the host's drift between EndToEnd's
 * medians: the two runs of a pair are seconds apart, so the difference within a pair is what the drift does not
 * move. It prints per measure the medians, the median difference within pairs and in how many pairs B was lower.
 *
 * <p>It stops at a pair whose builds did not trace alike: either said on stderr that it could not instrument
 * something or ran untraced, or their backtests printed different results. A build that traces less is cheaper
 * for that reason alone.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.evtrace.benchmarks.TracerAB --a before.jar --runs 12 -- --symbols 1 --bars 1
 * </pre>
 * (B: {@code --tracer-jar}, by default {@code agent/target/tracer.jar}.)
 */
@Command(name = "TracerAB", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the traced sample with two agent builds in pairs and prints paired medians.")
public final class TracerAB implements Callable<Integer> {
    static final List<String> DEFAULT_SAMPLE_ARGS = List.of("--symbols", "20", "--bars", "20000", "--seed", "42");

    @Option(names = "--a", required = true, description = "build A's tracer.jar")
    Path jarA;

    @Option(names = "--runs", defaultValue = "10", description = "pairs (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--jvm-option", description = "an option for every run's JVM (repeatable)")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--jvm-option-a", description = "an option for A's runs only (repeatable)")
    List<String> jvmOptionsA = new ArrayList<>();

    @Option(names = "--jvm-option-b", description = "an option for B's runs only (repeatable)")
    List<String> jvmOptionsB = new ArrayList<>();

    /** B's build is {@code --tracer-jar}, by default the one just built. */
    @Mixin
    SampleJars jars;

    @Option(names = "--java", description = "the java launcher for every run (default: this JVM's)")
    Path java;

    @Option(names = "--timeout", defaultValue = "3600", description = "seconds one run may take (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Parameters(paramLabel = "SAMPLE_ARG", description = "after --, the sample's arguments (default: --symbols 20 --bars 20000 --seed 42)")
    List<String> sampleArgs = new ArrayList<>();

    private final PrintStream out = System.out;
    private final Map<String, List<Double>> measuresA = new LinkedHashMap<>();
    private final Map<String, List<Double>> measuresB = new LinkedHashMap<>();
    private Path scratch;
    private Path jarB;
    private Path samplesJar;
    private Path tracerConfig;

    public static void main(String[] args) {
        Harness.main("TracerAB", new TracerAB(), args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        java = java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java");
        jarA = SampleJars.existing(jarA, "build A's tracer.jar");
        jarB = jars.tracerJar();
        samplesJar = jars.samplesJar();
        tracerConfig = jars.tracerConfig();
        List<String> args = sampleArgs.isEmpty() ? DEFAULT_SAMPLE_ARGS : sampleArgs;
        scratch = Files.createTempDirectory("evtrace-ab");
        try {
            out.printf(Locale.ROOT, "A: %s %s%nB: %s %s%nsample: java -jar %s %s, %d pairs%n", jarA,
                    String.join(" ", jvmOptionsA), jarB, String.join(" ", jvmOptionsB), samplesJar,
                    String.join(" ", args), runs);
            for (int round = 0; round < runs; round++) {
                boolean aFirst = round % 2 == 0;
                JvmRun first = run(round, aFirst, args);
                JvmRun second = run(round, !aFirst, args);
                if (!first.stdout().equals(second.stdout())) {
                    throw new IllegalStateException("round " + (round + 1) + ": A's and B's backtests printed different results");
                }
            }
            print();
        } finally {
            Directories.delete(scratch);
        }
        return 0;
    }

    private JvmRun run(int round, boolean isA, List<String> args) throws IOException, InterruptedException {
        Path store = scratch.resolve("store-" + round + (isA ? "-a" : "-b"));
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(isA ? jvmOptionsA : jvmOptionsB);
        command.add("-javaagent:" + (isA ? jarA : jarB));
        command.add("-Dtracer.config=" + tracerConfig);
        command.add("-Dtracer.store=" + store);
        command.addAll(List.of("-jar", samplesJar.toString()));
        command.addAll(args);
        JvmRun run;
        try {
            run = JvmRun.run(command, scratch, timeoutSeconds).checked(command);
        } finally {
            Directories.delete(store);
        }
        String label = isA ? "A" : "B";
        for (String line : run.stderr().lines().toList()) {
            if (line.startsWith("tracer: ") && (line.contains("cannot") || line.contains("untraced"))) {
                throw new IllegalStateException("round " + (round + 1) + ", " + label + " did not trace all: " + line);
            }
        }
        Map<String, List<Double>> measures = isA ? measuresA : measuresB;
        SampleOutput.ExitLine exit = SampleOutput.exitLine(run.stderr());
        add(measures, "wall s", run.wallNanos() / 1e9);
        add(measures, "elapsed s", SampleOutput.elapsedSeconds(run.stderr()));
        add(measures, "cpu s", run.cpuNanos() / 1e9);
        for (ThreadCpu.Group g : ThreadCpu.Group.values()) {
            add(measures, g.label() + " cpu s", run.cpuSecondsByGroup().getOrDefault(g, 0.0));
        }
        add(measures, "program waiting for a core s",
                run.waitingSecondsByGroup().getOrDefault(ThreadCpu.Group.PROGRAM, 0.0));
        add(measures, "waiting ms", (double) exit.waitingMillis());
        out.printf(Locale.ROOT, "  round %d %s wall %6.2f s, cpu %6.2f s, %d written, %d ms waiting, load average %s%n",
                round + 1, label, run.wallNanos() / 1e9, run.cpuNanos() / 1e9, exit.written(), exit.waitingMillis(),
                Machine.loadAverage());
        return run;
    }

    private static void add(Map<String, List<Double>> measures, String name, double value) {
        measures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private void print() {
        out.println();
        out.println("measure                   A median   B median   B - A, median of pairs   B lower in   sign test p");
        for (String name : measuresA.keySet()) {
            Paired p = Paired.of(measuresA.get(name), measuresB.get(name));
            String signTest = Double.isNaN(p.p()) ? "-" : String.format(Locale.ROOT, "%.3f", p.p());
            out.printf(Locale.ROOT, "%-24s %9.3f  %9.3f  %+23.3f   %2d of %-2d     %s%n", name, p.medianA(), p.medianB(),
                    p.medianDifference(), p.bLower(), p.pairs(), signTest);
        }
        out.println("sign test p: how often two identical builds would split the pairs that differ at least this unevenly;");
        out.println("above ~0.1 these runs cannot tell the builds apart, whatever the medians say");
    }
}
