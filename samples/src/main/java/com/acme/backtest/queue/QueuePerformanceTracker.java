package com.acme.backtest.queue;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.performance.PerformanceTracker;

/** The performance tracker as a queue-engine handler; it adds nothing to the queue. */
public final class QueuePerformanceTracker {

    private final PerformanceTracker tracker;

    QueuePerformanceTracker(PerformanceTracker tracker) {
        this.tracker = tracker;
    }

    public void onBarEvent(BarEvent bar) {
        tracker.onBar(bar);
    }
}
