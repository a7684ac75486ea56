package dev.evtrace.benchmarks;

import dev.evtrace.benchmarks.process.Harness;
import dev.evtrace.benchmarks.process.Machine;
import dev.evtrace.benchmarks.process.Stats;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * Runs {@link PublishBenchmark} and {@link ClockBenchmark} in rounds, every variant once per round, and
 * summarizes against issue 7's hot-path goals: the median of every measurement iteration of every round, so
 * that a burst of other work on the machine lands in a few iterations of each variant rather than in all of
 * one. All figures come from this one invocation.
 *
 * <p>Run it, from the repository root after {@code mvn -B -q install -DskipTests} (about 2.5 minutes a round on
 * 2 cores); arguments it does not know go to JMH:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.evtrace.benchmarks.HotPath --rounds 3 -prof gc
 * </pre>
 */
@Command(name = "HotPath", mixinStandardHelpOptions = true,
        description = "Runs the hot-path benchmarks in interleaved rounds and prints medians against issue 7's goals; "
                + "other arguments go to JMH.")
public final class HotPath implements Callable<Integer> {
    private static final String[] TRACING = {"untraced", "idle", "traced", "traced-samethread"};
    private static final String CLOCK = "nanoTime";

    @Option(names = "--rounds", defaultValue = "3", description = "rounds of every benchmark (default: ${DEFAULT-VALUE})")
    int rounds;

    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    private final PrintStream out = System.out;
    /** Iteration scores and allocation per op, by "handlers/tracing" or "nanoTime", over all rounds. */
    private final Map<String, List<Double>> scores = new TreeMap<>();
    private final Map<String, List<Double>> allocation = new TreeMap<>();
    /** Each fork's mean score, by the same keys, in the order the rounds ran. */
    private final Map<String, List<Double>> forkMeans = new TreeMap<>();

    public static void main(String[] args) {
        Harness.main("HotPath", new HotPath(), args);
    }

    @Override
    public Integer call() throws CommandLineOptionException, RunnerException {
        CommandLineOptions jmh = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        List<String> loads = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            loads.add(Machine.loadAverage());
            out.printf("%nHotPath: round %d of %d, load average %s%n", round, rounds, loads.get(loads.size() - 1));
            Collection<RunResult> results = new Runner(new OptionsBuilder().parent(jmh)
                    .include(PublishBenchmark.class.getName() + "\\.publish$")
                    .include(ClockBenchmark.class.getName() + "\\." + CLOCK + "$")
                    .build()).run();
            collect(results);
        }
        loads.add(Machine.loadAverage());
        summarize(loads);
        return 0;
    }

    private void collect(Collection<RunResult> results) {
        for (RunResult r : results) {
            String key = r.getParams().getBenchmark().endsWith(CLOCK) ? CLOCK
                    : r.getParams().getParam("handlers") + "/" + r.getParams().getParam("tracing");
            for (BenchmarkResult fork : r.getBenchmarkResults()) {
                for (IterationResult it : fork.getIterationResults()) {
                    scores.computeIfAbsent(key, k -> new ArrayList<>()).add(it.getPrimaryResult().getScore());
                }
                forkMeans.computeIfAbsent(key, k -> new ArrayList<>()).add(fork.getPrimaryResult().getScore());
            }
            r.getSecondaryResults().forEach((name, result) -> {
                if (name.endsWith("gc.alloc.rate.norm")) {
                    allocation.computeIfAbsent(key, k -> new ArrayList<>()).add(result.getScore());
                }
            });
        }
    }

    private void summarize(List<String> loads) {
        out.printf(Locale.ROOT, "%nHotPath: %d rounds, load averages %s; medians of all measurement iterations, "
                + "ns per event%n", rounds, String.join(" ", loads));
        out.printf(Locale.ROOT, "one System.nanoTime(): %.1f ns%n", median(CLOCK));
        out.println("handlers  untraced     idle   traced  traced-samethread  added  ratio  traced B/event");
        for (String handlers : new String[] {"1", "3"}) {
            out.printf(Locale.ROOT, "%8s", handlers);
            for (String tracing : TRACING) {
                out.printf(Locale.ROOT, tracing.equals("traced-samethread") ? "  %17.1f" : "  %7.1f",
                        median(handlers + "/" + tracing));
            }
            List<Double> alloc = allocation.getOrDefault(handlers + "/traced", List.of());
            out.printf(Locale.ROOT, "  %5.1f  %5.1f  %14s%n", added(handlers),
                    median(handlers + "/traced") / median(handlers + "/untraced"),
                    alloc.isEmpty() ? "- (no -prof gc)" : String.format(Locale.ROOT, "%.2f", Stats.median(alloc)));
        }
        // A traced fork runs in a fast or a slow mode for its whole life (see BENCHMARKS.md): the medians above
        // depend on how many forks of each it drew, which these show.
        out.println("each traced fork's mean, ns per event, in the order the rounds ran:");
        for (String handlers : new String[] {"1", "3"}) {
            out.printf(Locale.ROOT, "%8s", handlers);
            for (double mean : forkMeans.getOrDefault(handlers + "/traced", List.of())) {
                out.printf(Locale.ROOT, "  %7.1f", mean);
            }
            out.println();
        }
        double perEvent = added("1");
        double perDelivery = (added("3") - added("1")) / 2;
        out.printf(Locale.ROOT, "goal: added per event with one handler <= 150 ns: %s (%.1f ns)%n",
                perEvent <= 150 ? "met" : "NOT met", perEvent);
        out.printf(Locale.ROOT, "goal: added per further handler delivery <= 60 ns: %s (%.1f ns)%n",
                perDelivery <= 60 ? "met" : "NOT met", perDelivery);
    }

    private double added(String handlers) {
        return median(handlers + "/traced") - median(handlers + "/untraced");
    }

    private double median(String key) {
        return Stats.median(scores.getOrDefault(key, List.of()));
    }
}
