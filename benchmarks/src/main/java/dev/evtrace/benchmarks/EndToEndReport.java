package dev.evtrace.benchmarks;

import static dev.evtrace.benchmarks.process.Stats.median;

import dev.evtrace.benchmarks.process.Paired;
import dev.evtrace.benchmarks.process.Tally;
import dev.evtrace.benchmarks.process.ThreadCpu;
import dev.evtrace.benchmarks.process.Variant;
import java.io.PrintStream;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The harness's summary: medians per variant, median ratios, and issue 7's goals met or not. */
final class EndToEndReport {
    private static final double MIB = 1 << 20;
    private static final double TRACED_GOAL = 1.02;
    private static final double DISABLED_GOAL = 1.005;
    /** The sign test's p at or under which the rounds' split about a goal tells (TracerAB's threshold too). */
    private static final double TELLING_P = 0.1;

    private final PrintStream out;
    private final Map<Variant, Tally> tallies;
    private final long tracerJarBytes;

    EndToEndReport(PrintStream out, Map<Variant, Tally> tallies, long tracerJarBytes) {
        this.out = out;
        this.tallies = tallies;
        this.tracerJarBytes = tracerJarBytes;
    }

    void print() {
        out.println();
        out.println("medians; a ratio is the median of each round's run over that round's untraced run");
        out.println("variant    elapsed s  ratio   wall s   ratio   cpu s   ratio   wall-elapsed s  heap after GC MiB"
                + "  committed MiB");
        for (Variant v : Variant.values()) {
            Tally t = tallies.get(v);
            out.printf(Locale.ROOT, "%-9s  %9.2f  %5.3f  %7.2f  %6.3f  %6.2f  %6.3f  %14.2f  %17s  %13s%n", v.label(),
                    median(t.elapsedSeconds), median(t.elapsedRatios), median(t.wallSeconds), median(t.wallRatios),
                    median(t.cpuSeconds), median(t.cpuRatios),
                    median(t.wallSeconds) - median(t.elapsedSeconds),
                    mib(median(t.heapAfterGc)), mib(median(t.heapCommitted)));
        }
        Tally untraced = tallies.get(Variant.UNTRACED);
        Tally traced = tallies.get(Variant.TRACED);
        Tally disabled = tallies.get(Variant.DISABLED);
        out.println(goalLine("traced", traced.elapsedRatios, untraced.elapsedSeconds, TRACED_GOAL));
        out.println(goalLine("tracer.enabled=false", disabled.elapsedRatios, untraced.elapsedSeconds, DISABLED_GOAL));

        double written = median(traced.written);
        out.printf(Locale.ROOT, "writer: %.0f events written, %.0f dropped, %.0f ms waiting for buffer space "
                        + "(%.2f%% of the traced elapsed time; summed over the publishing threads, so it passes 100%% "
                        + "when several wait at once)%n",
                written, median(traced.dropped), median(traced.waitingMillis), 100 * median(traced.waitingShares));
        double addedCpu = median(traced.cpuSeconds) - median(untraced.cpuSeconds);
        if (!traced.shortWritten.isEmpty()) {
            // Two run lengths: the JIT compiles the writer's code in any run of more than a few thousand events,
            // which a one-bar run never reaches, so only the difference between two real runs is per event.
            double shortAdded = median(traced.shortCpuSeconds) - median(untraced.shortCpuSeconds);
            double shortWritten = median(traced.shortWritten);
            double perEvent = (addedCpu - shortAdded) / (written - shortWritten);
            out.printf(Locale.ROOT, "cpu: tracing adds %.2f s of CPU (all threads) to the backtest and %.2f s to the "
                            + "short one of %.0f events: %.2f us for each further event, and %.2f s that do not grow "
                            + "with the run (the JIT compiling the tracer's code, its start-up)%n",
                    addedCpu, shortAdded, shortWritten, perEvent * 1e6, addedCpu - perEvent * written);
        } else if (traced.tinyRunCpuSeconds.isEmpty()) {
            out.printf(Locale.ROOT, "cpu: tracing adds %.2f s of CPU (all threads) to the backtest%n", addedCpu);
        } else {
            double fixedCpu = median(traced.tinyRunCpuSeconds) - median(untraced.tinyRunCpuSeconds);
            out.printf(Locale.ROOT, "cpu: tracing adds %.2f s of CPU (all threads) to the backtest, %.2f s of it in "
                            + "the one-bar backtest too, so at most %.2f us per event written%n",
                    addedCpu, fixedCpu, (addedCpu - fixedCpu) * 1e6 / written);
        }
        cpuByGroup("the backtest", untraced.cpuSecondsByGroup, traced.cpuSecondsByGroup);
        cpuByGroup("the one-bar backtest", untraced.tinyRunCpuSecondsByGroup, traced.tinyRunCpuSecondsByGroup);
        programWaiting(untraced, traced, disabled);
        out.printf(Locale.ROOT, "store: %.1f MB on disk, %.1f bytes per event%n",
                median(traced.storeBytes) / 1e6, median(traced.storeBytes) / written);
        if (median(untraced.heapAfterGc) >= 0 && median(traced.heapAfterGc) >= 0) {
            out.printf(Locale.ROOT, "heap: the traced run's live heap after GC is %+.0f MiB over the untraced run's, "
                            + "its committed heap %+.0f MiB%n",
                    (median(traced.heapAfterGc) - median(untraced.heapAfterGc)) / MIB,
                    (median(traced.heapCommitted) - median(untraced.heapCommitted)) / MIB);
        } else {
            out.println("heap: too short a run for a collection in every variant; no heap figures");
        }
        startUp("time to main", untraced.timeToMainMillis, traced.timeToMainMillis, disabled.timeToMainMillis);
        startUp("one-bar backtest, launch to exit", untraced.tinyRunMillis, traced.tinyRunMillis,
                disabled.tinyRunMillis);
        out.printf(Locale.ROOT, "tracer.jar: %d bytes (%.1f MiB)%n", tracerJarBytes, tracerJarBytes / MIB);
    }

    /**
     * Where the added CPU goes: the program's threads (the hot path, and the program running slower beside the
     * tracer's threads), the JIT compilers, the writer. Medians per group, so they need not add up to the total's.
     */
    private void cpuByGroup(String what, Map<ThreadCpu.Group, List<Double>> untraced,
                            Map<ThreadCpu.Group, List<Double>> traced) {
        if (untraced.isEmpty() || traced.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("cpu by thread, " + what + " (median s, traced and its difference to untraced):");
        for (ThreadCpu.Group g : ThreadCpu.Group.values()) {
            double t = median(traced.get(g));
            double added = t - median(untraced.get(g));
            line.append(String.format(Locale.ROOT, " %s %.2f (%+.2f)%s", g.label(), t, added,
                    g.ordinal() < ThreadCpu.Group.values().length - 1 ? "," : ""));
        }
        out.println(line);
    }

    /**
     * The program's threads runnable but not running: on two cores, the time the tracer's writer and the JIT
     * compiling its code take from the program rather than from the spare core.
     */
    private void programWaiting(Tally untraced, Tally traced, Tally disabled) {
        if (untraced.programWaitingSeconds.isEmpty() || traced.programWaitingSeconds.isEmpty()) {
            return;
        }
        double base = median(untraced.programWaitingSeconds);
        out.printf(Locale.ROOT, "waiting for a core, the backtest (median s the program's threads were runnable but not "
                        + "running): untraced %.2f, traced %.2f (%+.2f), disabled %.2f (%+.2f)%n", base,
                median(traced.programWaitingSeconds), median(traced.programWaitingSeconds) - base,
                median(disabled.programWaitingSeconds), median(disabled.programWaitingSeconds) - base);
    }

    /** Bytes as MiB, or "-" for a run without a collection. */
    private static String mib(double bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.0f", bytes / MIB);
    }

    /**
     * A goal's verdict on the median ratio, with each round's ratio, and whether these runs can tell it at all.
     * It holds when the untraced run took times within what the goal allows (2%, or 0.5% disabled) from round to
     * round, or else when the rounds fall on one side of the goal unevenly enough for the sign test (p 0.1 or less:
     * five rounds of five, seven of eight, eight of nine): each round's ratio pairs runs made seconds apart, so a
     * host that drifts between rounds moves both runs of a round, but a split that its noise gives often enough
     * (three rounds of three: p 0.25) cannot tell that drift from what is measured.
     */
    static String goalLine(String what, List<Double> ratios, List<Double> untracedSeconds, double goal) {
        double ratio = median(ratios);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "goal: %s elapsed <= %.3f x untraced: %s (%.3f, %+.1f%%; rounds", what, goal,
                ratio <= goal ? "met" : "NOT met", ratio, 100 * (ratio - 1)));
        for (int i = 0; i < ratios.size(); i++) {
            line.append(String.format(Locale.ROOT, "%s %.3f", i == 0 ? "" : ",", ratios.get(i)));
        }
        line.append(')');
        if (untracedSeconds.size() < 2) {
            return line.append("; not resolved: with one round, the host's drift is unknown").toString();
        }
        double spread = (Collections.max(untracedSeconds) - Collections.min(untracedSeconds)) / median(untracedSeconds);
        Paired sides = Paired.of(Collections.nCopies(ratios.size(), goal), ratios);
        if (spread <= goal - 1 || sides.p() <= TELLING_P) {
            return line.toString();
        }
        return line.append(String.format(Locale.ROOT, "; not resolved: the untraced runs took times %.1f%% apart, more "
                        + "than the %.1f%% the goal allows, and %d of %d rounds over the goal is a split the host's noise "
                        + "gives often (sign test p %.2f; %.2f or less tells)", 100 * spread, 100 * (goal - 1),
                sides.bHigher(), ratios.size(), sides.p(), TELLING_P)).toString();
    }

    private void startUp(String what, List<Double> untraced, List<Double> traced,
                         List<Double> disabled) {
        if (untraced.isEmpty()) {
            return; // --startup-runs 0
        }
        double base = median(untraced);
        out.printf(Locale.ROOT, "start-up, %s (median ms): untraced %.0f, traced %.0f (%+.0f), disabled %.0f (%+.0f)%n",
                what, base, median(traced), median(traced) - base, median(disabled), median(disabled) - base);
    }
}
