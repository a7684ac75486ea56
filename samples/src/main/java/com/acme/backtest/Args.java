package com.acme.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code [--symbols N] [--bars N] [--seed N] [--mode M] [--bus B] [--runs N]}, each flag
 * followed by its value. Few enough flags to parse by hand.
 *
 * @param bus   the bus of --mode sync; the other modes run on the sample's own bus
 * @param runs  backtests to run: 1, or the size of the sweep in --mode parallel and sequential
 */
record Args(BacktestConfig config, Mode mode, BusKind bus, int runs) {

    private static final int DEFAULT_RUNS = 4;
    private static final int MAX_RUNS = 16;

    private static final List<String> FLAGS = List.of("--symbols", "--bars", "--seed", "--mode", "--bus", "--runs");

    static Args parse(String[] args) {
        int symbols = BacktestConfig.DEFAULT.symbols();
        int bars = BacktestConfig.DEFAULT.bars();
        long seed = BacktestConfig.DEFAULT.seed();
        Mode mode = Mode.SYNC;
        BusKind bus = BusKind.OWN;
        int runs = 0; // not given; --runs takes 1 or more
        for (int i = 0; i < args.length; i += 2) {
            String flag = args[i];
            if (!FLAGS.contains(flag)) {
                throw new UsageException("unknown flag '" + flag + "' (valid: " + String.join(", ", FLAGS) + ")");
            }
            if (i + 1 == args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[i + 1];
            switch (flag) {
                case "--symbols" -> symbols = (int) parseLong(flag, value, 1, 1_000);
                case "--bars" -> bars = (int) parseLong(flag, value, 1, 1_000_000);
                case "--seed" -> seed = parseLong(flag, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--mode" -> mode = choose(flag, Mode.values(), value);
                case "--bus" -> bus = choose(flag, BusKind.values(), value);
                default -> runs = (int) parseLong(flag, value, 1, MAX_RUNS);
            }
        }
        if (bus != BusKind.OWN && mode != Mode.SYNC) {
            throw new UsageException("--bus " + bus.flag() + " works with --mode sync only, got --mode " + mode.flag());
        }
        if (runs != 0 && !mode.isSweep()) {
            throw new UsageException("--runs works with --mode parallel or sequential only, got --mode " + mode.flag());
        }
        if (!mode.isSweep()) {
            runs = 1;
        } else if (runs == 0) {
            runs = DEFAULT_RUNS;
        }
        return new Args(new BacktestConfig(symbols, bars, seed), mode, bus, runs);
    }

    private static long parseLong(String flag, String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be an integer, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new UsageException(flag + " must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }

    private static <C extends Choice> C choose(String flag, C[] choices, String value) {
        List<String> valid = new ArrayList<>(choices.length);
        for (C choice : choices) {
            if (choice.flag().equals(value)) {
                return choice;
            }
            valid.add(choice.flag());
        }
        throw new UsageException(flag + " must be one of: " + String.join(", ", valid) + ", got '" + value + "'");
    }
}
