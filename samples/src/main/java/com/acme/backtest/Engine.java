package com.acme.backtest;

import com.acme.backtest.events.BarEvent;

import java.util.List;

/**
 * How one backtest's events travel between its components: which bus, which threads, in which order.
 * {@link Backtest} hands it the feed's bars a trading day at a time.
 */
public interface Engine extends AutoCloseable {

    /** Publishes the day's bars and returns once every event they caused has been handled. */
    void publishDay(List<BarEvent> bars);

    /** Events published so far, each counted once however many buses carried it. */
    long eventsPublished();

    /** Stops the threads the engine started; most start none. */
    @Override
    default void close() {
    }
}
