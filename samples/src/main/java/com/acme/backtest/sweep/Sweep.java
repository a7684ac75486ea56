package com.acme.backtest.sweep;

import com.acme.backtest.Backtest;
import com.acme.backtest.BacktestConfig;
import com.acme.backtest.Components;
import com.acme.backtest.Results;
import com.acme.backtest.bus.EventBus;
import com.acme.backtest.marketdata.MarketRecording;
import com.acme.backtest.onebus.SyncEngine;
import com.acme.backtest.strategy.CrossoverSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A parameter sweep over the moving-average windows: the same market traded by several strategies, run i
 * (from 1) with a fast window of 5i bars and a slow one three times as long, so run 2 is the default strategy.
 * Every run builds its own components, ids, bus and events, and runs on one thread through {@link Backtest#run}.
 * The runs share only the market, simulated once up front and never changed after, so each gives the same
 * results alone, in sequence or in parallel.
 */
public final class Sweep {

    // Enough to keep a small machine busy; on fewer cores the runs time-slice, with the same results.
    private static final int MAX_THREADS = 4;

    private final BacktestConfig config;
    private final List<CrossoverSettings> strategies = new ArrayList<>();
    private final MarketRecording market;

    /** Simulates the market, on the calling thread, which is most of the work of one run. */
    public Sweep(BacktestConfig config, int runs) {
        this.config = config;
        this.market = MarketRecording.record(Components.simulatedMarket(config), config.bars());
        for (int run = 1; run <= runs; run++) {
            strategies.add(Components.DEFAULT_STRATEGY.withWindows(5 * run, 15 * run));
        }
    }

    /** What sets run {@code index} (from 0) apart, for its heading. */
    public String parameters(int index) {
        CrossoverSettings strategy = strategies.get(index);
        return String.format(Locale.ROOT, "fast %d, slow %d", strategy.fastPeriod(), strategy.slowPeriod());
    }

    /** The runs one after another on the calling thread; results in run order. */
    public List<Results> runInSequence() {
        List<Results> results = new ArrayList<>(strategies.size());
        for (CrossoverSettings strategy : strategies) {
            results.add(run(strategy));
        }
        return results;
    }

    /** The runs concurrently on a fixed pool of up to four threads; results in run order, whichever finishes first. */
    public List<Results> runInParallel() {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(strategies.size(), MAX_THREADS),
                task -> new Thread(task, "sweep-" + threads.incrementAndGet()));
        try {
            List<Callable<Results>> runs = new ArrayList<>(strategies.size());
            for (CrossoverSettings strategy : strategies) {
                runs.add(() -> run(strategy));
            }
            List<Results> results = new ArrayList<>(runs.size());
            for (Future<Results> run : pool.invokeAll(runs)) {
                results.add(run.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sweep", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("a run of the sweep failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Results run(CrossoverSettings strategy) {
        Components parts = new Components(config, strategy, market.replay());
        return new Backtest(parts, new SyncEngine(parts, new EventBus())).run();
    }
}
