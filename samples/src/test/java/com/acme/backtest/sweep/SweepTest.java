package com.acme.backtest.sweep;

import com.acme.backtest.Backtest;
import com.acme.backtest.BacktestConfig;
import com.acme.backtest.Components;
import com.acme.backtest.Results;
import com.acme.backtest.bus.EventBus;
import com.acme.backtest.onebus.SyncEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SweepTest {

    private static final BacktestConfig CONFIG = new BacktestConfig(6, 400, 11);

    @Test
    void givesEachRunTheSameResultsInParallelAsInSequence() {
        List<Results> parallel = new Sweep(CONFIG, 6).runInParallel();
        List<Results> sequential = new Sweep(CONFIG, 6).runInSequence();

        assertThat(parallel).hasSize(6).isEqualTo(sequential);
    }

    @Test
    void givesARunTheResultsItHasAlone() {
        List<Results> runs = new Sweep(CONFIG, 3).runInParallel();

        // Run 2 trades the default strategy: its results are those of a plain backtest on a simulated market.
        Components parts = new Components(CONFIG);
        Results alone = new Backtest(parts, new SyncEngine(parts, new EventBus())).run();
        assertThat(runs.get(1)).isEqualTo(alone);
    }

    @Test
    void sweepsTheMovingAverageWindows() {
        Sweep sweep = new Sweep(new BacktestConfig(1, 10, 1), 3);

        assertThat(List.of(sweep.parameters(0), sweep.parameters(1), sweep.parameters(2)))
                .containsExactly("fast 5, slow 15", "fast 10, slow 30", "fast 15, slow 45");
    }

    @Test
    void tradesDifferentlyInEachRun() {
        List<Results> runs = new Sweep(CONFIG, 3).runInSequence();

        assertThat(runs).extracting(Results::trades).doesNotHaveDuplicates();
    }
}
