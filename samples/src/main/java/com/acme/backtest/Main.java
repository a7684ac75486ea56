package com.acme.backtest;

import com.acme.backtest.sweep.Sweep;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Runs a backtest, or a sweep of them, from the command line and prints the results, last. Exit code 2 means
 * a bad command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = run(args, System.out, System.err);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Args parsed;
        try {
            parsed = Args.parse(args);
        } catch (UsageException e) {
            err.println("samples: " + e.getMessage());
            return 2;
        }
        long start = System.nanoTime();
        String results = parsed.mode().isSweep() ? sweep(parsed) : single(parsed);
        // Elapsed time goes to stderr so that stdout stays identical across runs of the same arguments.
        err.printf(Locale.ROOT, "elapsed: %.2f s%n", (System.nanoTime() - start) / 1e9);
        out.println(heading(parsed));
        out.print(results);
        return 0;
    }

    private static String single(Args args) {
        Components parts = new Components(args.config());
        return new Backtest(parts, Engines.create(args.mode(), args.bus(), parts)).run().format();
    }

    /** One block per run, in run order, then the summary of all of them. */
    private static String sweep(Args args) {
        Sweep sweep = new Sweep(args.config(), args.runs());
        List<Results> runs = args.mode() == Mode.PARALLEL ? sweep.runInParallel() : sweep.runInSequence();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            text.append(String.format(Locale.ROOT, "run %d: %s%n", i + 1, sweep.parameters(i)))
                    .append(runs.get(i).format());
        }
        text.append(String.format(Locale.ROOT,
                "all %d runs: counts and equity summed, return and sharpe averaged, worst drawdown%n", runs.size()));
        return text.append(Results.summary(runs).format()).toString();
    }

    private static String heading(Args args) {
        BacktestConfig config = args.config();
        StringBuilder heading = new StringBuilder(String.format(Locale.ROOT,
                "backtest: %d symbols, %d bars, seed %d, mode %s",
                config.symbols(), config.bars(), config.seed(), args.mode().flag()));
        if (args.bus() != BusKind.OWN) {
            heading.append(", bus ").append(args.bus().flag());
        }
        if (args.mode().isSweep()) {
            heading.append(", ").append(args.runs()).append(" runs");
        }
        return heading.toString();
    }
}
