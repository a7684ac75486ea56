package com.acme.backtest;

import java.io.PrintStream;
import java.util.Locale;

/** Runs one backtest from the command line and prints its results. Exit code 2 means a bad command line. */
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
        BacktestConfig config = parsed.config();
        long start = System.nanoTime();
        Results results = new Backtest(config, parsed.mode().newBus()).run();
        // Elapsed time goes to stderr so that stdout stays identical across runs of the same arguments.
        err.printf(Locale.ROOT, "elapsed: %.2f s%n", (System.nanoTime() - start) / 1e9);
        out.printf(Locale.ROOT, "backtest: %d symbols, %d bars, seed %d, mode %s%n",
                config.symbols(), config.bars(), config.seed(), parsed.mode().flag());
        out.print(results.format());
        return 0;
    }
}
