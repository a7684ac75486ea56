package com.acme.backtest;

import java.util.List;

/**
 * The command line: {@code [--symbols N] [--bars N] [--seed N] [--mode sync]}, each flag followed by its
 * value. Few enough flags to parse by hand and keep the samples free of dependencies.
 */
record Args(BacktestConfig config, Mode mode) {

    private static final List<String> FLAGS = List.of("--symbols", "--bars", "--seed", "--mode");

    static Args parse(String[] args) {
        int symbols = BacktestConfig.DEFAULT.symbols();
        int bars = BacktestConfig.DEFAULT.bars();
        long seed = BacktestConfig.DEFAULT.seed();
        Mode mode = Mode.SYNC;
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
                default -> mode = Mode.fromFlag(value);
            }
        }
        return new Args(new BacktestConfig(symbols, bars, seed), mode);
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
}
