package com.acme.backtest.guava;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.performance.PerformanceTracker;
import com.google.common.eventbus.Subscribe;

/** The performance tracker as a Guava subscriber. */
public final class GuavaPerformanceTracker {

    private final PerformanceTracker tracker;

    GuavaPerformanceTracker(PerformanceTracker tracker) {
        this.tracker = tracker;
    }

    @Subscribe
    public void onBar(BarEvent bar) {
        tracker.onBar(bar);
    }
}
