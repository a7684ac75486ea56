package com.acme.backtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private static final String SMALL = "--symbols 4 --bars 300 --seed 3 ";

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void defaultsToTwentySymbolsOfFiveThousandBarsWithSeedFortyTwoOnTheOwnSynchronousBus() {
        Args args = Args.parse(new String[0]);

        assertThat(args.config()).isEqualTo(new BacktestConfig(20, 5000, 42));
        assertThat(args.mode()).isEqualTo(Mode.SYNC);
        assertThat(args.bus()).isEqualTo(BusKind.OWN);
        assertThat(args.runs()).isEqualTo(1);
    }

    @Test
    void readsEveryFlagInAnyOrder() {
        Args args = Args.parse(new String[] {"--runs", "3", "--mode", "parallel", "--seed", "-7", "--bars", "300",
                "--symbols", "4", "--bus", "own"});

        assertThat(args).isEqualTo(new Args(new BacktestConfig(4, 300, -7), Mode.PARALLEL, BusKind.OWN, 3));
    }

    @Test
    void sweepsFourRunsUnlessToldOtherwise() {
        assertThat(Args.parse(new String[] {"--mode", "parallel"}).runs()).isEqualTo(4);
        assertThat(Args.parse(new String[] {"--mode", "sequential"}).runs()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--speed 9 | unknown flag '--speed' (valid: --symbols, --bars, --seed, --mode, --bus, --runs)",
            "--bars | --bars needs a value",
            "--seed forty-two | --seed must be an integer, got 'forty-two'",
            "--symbols 0 | --symbols must be between 1 and 1000, got 0",
            "--mode fast | --mode must be one of: sync, queued, executor, containers, parallel, sequential, got 'fast'",
            "--bus kafka | --bus must be one of: own, guava, guava-async, queue, got 'kafka'",
            "--bus guava --mode queued | --bus guava works with --mode sync only, got --mode queued",
            "--mode parallel --bus queue | --bus queue works with --mode sync only, got --mode parallel",
            "--runs 3 | --runs works with --mode parallel or sequential only, got --mode sync",
            "--runs 2 --mode containers | --runs works with --mode parallel or sequential only, got --mode containers",
            "--mode parallel --runs 0 | --runs must be between 1 and 16, got 0",
            "--mode sequential --runs 17 | --runs must be between 1 and 16, got 17",
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
        List<String> lines = lines(out);
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).isEqualTo("backtest: 3 symbols, 200 bars, seed 5, mode sync");
        assertResultsBlock(lines.subList(1, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--mode sync", "--mode queued", "--mode executor", "--mode containers",
            "--mode parallel --runs 3", "--mode sequential --runs 3", "--bus guava", "--bus guava-async",
            "--bus queue"})
    void printsTheSameOutputEveryTimeEndingWithTheResultsBlock(String mode) {
        String[] args = (SMALL + mode).split(" ");
        assertThat(run(args)).isZero();
        String first = text(out);
        out = new ByteArrayOutputStream();

        assertThat(run(args)).isZero();

        assertThat(text(out)).isEqualTo(first);
        List<String> lines = lines(out);
        assertResultsBlock(lines.subList(lines.size() - 7, lines.size()));
    }

    @Test
    void namesTheBusInTheHeadingWhenItIsNotTheOwnOne() {
        run("--symbols", "3", "--bars", "200", "--seed", "5", "--bus", "guava-async");

        assertThat(lines(out).get(0)).isEqualTo("backtest: 3 symbols, 200 bars, seed 5, mode sync, bus guava-async");
    }

    @Test
    void printsOneBlockPerRunOfASweepThenTheSummary() {
        int exitCode = run((SMALL + "--mode parallel --runs 3").split(" "));

        assertThat(exitCode).isZero();
        List<String> lines = lines(out);
        assertThat(lines).hasSize(1 + 3 * 8 + 8);
        assertThat(lines.get(0)).isEqualTo("backtest: 4 symbols, 300 bars, seed 3, mode parallel, 3 runs");
        assertThat(lines.get(1)).isEqualTo("run 1: fast 5, slow 15");
        assertThat(lines.get(9)).isEqualTo("run 2: fast 10, slow 30");
        assertThat(lines.get(17)).isEqualTo("run 3: fast 15, slow 45");
        assertThat(lines.get(25)).isEqualTo(
                "all 3 runs: counts and equity summed, return and sharpe averaged, worst drawdown");
        for (int block = 0; block < 4; block++) {
            assertResultsBlock(lines.subList(2 + 8 * block, 9 + 8 * block));
        }
    }

    @Test
    void printsTheSameRunsInParallelAsInSequence() {
        run((SMALL + "--mode parallel --runs 5").split(" "));
        List<String> parallel = lines(out);
        out = new ByteArrayOutputStream();

        run((SMALL + "--mode sequential --runs 5").split(" "));

        List<String> sequential = lines(out);
        assertThat(sequential.subList(1, sequential.size())).isEqualTo(parallel.subList(1, parallel.size()));
    }

    private static void assertResultsBlock(List<String> lines) {
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).matches("events published: \\d+");
        assertThat(lines.get(1)).matches("trades: \\d+");
        assertThat(lines.get(2)).matches("risk breaches: \\d+");
        assertThat(lines.get(3)).matches("final equity: -?\\d+\\.\\d{2}");
        assertThat(lines.get(4)).matches("total return: -?\\d+\\.\\d{2}%");
        assertThat(lines.get(5)).matches("sharpe ratio: -?\\d+\\.\\d{3}");
        assertThat(lines.get(6)).matches("max drawdown: \\d+\\.\\d{2}%");
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        return text(stream).lines().toList();
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
