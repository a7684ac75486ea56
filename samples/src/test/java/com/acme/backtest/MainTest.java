package com.acme.backtest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void defaultsToTwentySymbolsOfFiveThousandBarsWithSeedFortyTwo() {
        Args args = Args.parse(new String[0]);

        assertThat(args.config()).isEqualTo(new BacktestConfig(20, 5000, 42));
        assertThat(args.mode()).isEqualTo(Mode.SYNC);
    }

    @Test
    void readsEveryFlagInAnyOrder() {
        Args args = Args.parse(new String[] {"--mode", "sync", "--seed", "-7", "--bars", "300", "--symbols", "4"});

        assertThat(args.config()).isEqualTo(new BacktestConfig(4, 300, -7));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--speed 9           | unknown flag '--speed' (valid: --symbols, --bars, --seed, --mode)",
            "--bars              | --bars needs a value",
            "--seed forty-two    | --seed must be an integer, got 'forty-two'",
            "--symbols 0         | --symbols must be between 1 and 1000, got 0",
            "--mode queued       | --mode must be one of: sync, got 'queued'",
    })
    void rejectsABadCommandLineWithOneLineOnStderrAndExitCodeTwo(String commandLine, String message) {
        int exitCode = run(commandLine.split(" "));

        assertThat(exitCode).isEqualTo(2);
        assertThat(text(err)).isEqualTo("samples: " + message + System.lineSeparator());
        assertThat(text(out)).isEmpty();
    }

    @Test
    void printsTheResultsBlockLast() {
        int exitCode = run("--symbols", "3", "--bars", "200", "--seed", "5");

        assertThat(exitCode).isZero();
        assertThat(text(out).lines().toList()).hasSize(8).satisfies(lines -> {
            assertThat(lines.get(0)).isEqualTo("backtest: 3 symbols, 200 bars, seed 5, mode sync");
            assertThat(lines.get(1)).matches("events published: \\d+");
            assertThat(lines.get(2)).matches("trades: \\d+");
            assertThat(lines.get(3)).matches("risk breaches: \\d+");
            assertThat(lines.get(4)).matches("final equity: -?\\d+\\.\\d{2}");
            assertThat(lines.get(5)).matches("total return: -?\\d+\\.\\d{2}%");
            assertThat(lines.get(6)).matches("sharpe ratio: -?\\d+\\.\\d{3}");
            assertThat(lines.get(7)).matches("max drawdown: \\d+\\.\\d{2}%");
        });
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
