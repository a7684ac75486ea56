package dev.evtrace.benchmarks.process;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the harness measured for one variant: one entry per run, in run order. */
public final class Tally {
    /** Milliseconds from launching the JVM to entering {@link TimeToMain#main}. */
    public final List<Double> timeToMainMillis = new ArrayList<>();
    /** Milliseconds from launch to exit of a one-bar, one-symbol backtest: start-up plus shut-down. */
    public final List<Double> tinyRunMillis = new ArrayList<>();
    /** CPU seconds of that one-bar backtest, all threads. */
    public final List<Double> tinyRunCpuSeconds = new ArrayList<>();
    /** The backtest's own {@code elapsed:} seconds. */
    public final List<Double> elapsedSeconds = new ArrayList<>();
    /** Seconds from launch to exit of the backtest's JVM. */
    public final List<Double> wallSeconds = new ArrayList<>();
    /** CPU seconds of all the backtest JVM's threads (JIT, GC and the tracer's writer included). */
    public final List<Double> cpuSeconds = new ArrayList<>();
    /** The same by group of threads (Linux only; none elsewhere), for the backtests and the one-bar runs. */
    public final Map<ThreadCpu.Group, List<Double>> cpuSecondsByGroup = new EnumMap<>(ThreadCpu.Group.class);
    public final Map<ThreadCpu.Group, List<Double>> tinyRunCpuSecondsByGroup = new EnumMap<>(ThreadCpu.Group.class);
    /** Seconds the backtest's program threads were runnable but waiting for a CPU (Linux only; none elsewhere). */
    public final List<Double> programWaitingSeconds = new ArrayList<>();
    /** CPU seconds of the shorter backtest (untraced and traced only), and the events it wrote (traced). */
    public final List<Double> shortCpuSeconds = new ArrayList<>();
    public final List<Double> shortWritten = new ArrayList<>();
    /** Elapsed, wall and CPU over the untraced run's of the same round. */
    public final List<Double> elapsedRatios = new ArrayList<>();
    public final List<Double> wallRatios = new ArrayList<>();
    public final List<Double> cpuRatios = new ArrayList<>();
    /** Heap from the run's -Xlog:gc, in bytes. */
    public final List<Double> heapAfterGc = new ArrayList<>();
    public final List<Double> heapCommitted = new ArrayList<>();
    /** From the tracer's exit line and the store directory, traced runs only. */
    public final List<Double> written = new ArrayList<>();
    public final List<Double> dropped = new ArrayList<>();
    public final List<Double> waitingMillis = new ArrayList<>();
    public final List<Double> storeBytes = new ArrayList<>();
    public final List<Double> waitingShares = new ArrayList<>();

    /** Appends one run's CPU by group: a group the run had no thread of counts as 0 s. */
    public static void add(Map<ThreadCpu.Group, List<Double>> byGroup, Map<ThreadCpu.Group, Double> run) {
        if (run.isEmpty()) {
            return;
        }
        for (ThreadCpu.Group g : ThreadCpu.Group.values()) {
            byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(run.getOrDefault(g, 0.0));
        }
    }

    /** The last entry: this round's, as the runs are appended in round order. */
    public static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }
}
