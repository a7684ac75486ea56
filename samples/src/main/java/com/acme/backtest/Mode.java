package com.acme.backtest;

/** How events are dispatched: the shape of the run, on the sample's own bus unless --bus says otherwise. */
public enum Mode implements Choice {
    /** Every publish dispatches to completion on the publishing thread. */
    SYNC("sync"),
    /** Publish only enqueues; after each day's bars a loop dispatches the queue, first in, first out. */
    QUEUED("queued"),
    /** Execution fills each order on an exchange-gateway thread, which publishes the FILL, while its handler waits. */
    EXECUTOR("executor"),
    /** One bus per container, and routes that forward events between them. */
    CONTAINERS("containers"),
    /** A sweep of independent backtests, run concurrently on a fixed thread pool. */
    PARALLEL("parallel"),
    /** The same sweep, one backtest after another on the main thread. */
    SEQUENTIAL("sequential");

    private final String flag;

    Mode(String flag) {
        this.flag = flag;
    }

    @Override
    public String flag() {
        return flag;
    }

    /** True for the modes that run several backtests rather than one. */
    public boolean isSweep() {
        return this == PARALLEL || this == SEQUENTIAL;
    }
}
