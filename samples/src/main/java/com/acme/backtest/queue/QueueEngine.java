package com.acme.backtest.queue;

import com.acme.backtest.Components;
import com.acme.backtest.Engine;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.FillEvent;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.SignalEvent;

import java.util.List;
import java.util.Queue;

/**
 * An engine with no bus class, as many are written: events wait in a plain {@link Queue}, and a loop takes them
 * oldest first and calls the handler methods their type calls for; a handler that has something to publish adds
 * it to the same queue. A day's bars all go in before the loop runs, until the queue is empty: the first in,
 * first out order of --mode queued, so the results are the same as there.
 */
public final class QueueEngine implements Engine {

    private final Queue<Event> queue;
    private final QueuePerformanceTracker tracker;
    private final QueuePortfolio portfolio;
    private final QueueRiskCheck risk;
    private final QueueExecution execution;
    private final QueueStrategy strategy;
    private long published;

    public QueueEngine(Components parts, Queue<Event> queue) {
        this.queue = queue;
        this.tracker = new QueuePerformanceTracker(parts.tracker());
        this.portfolio = new QueuePortfolio(parts.book());
        this.risk = new QueueRiskCheck(parts.check());
        this.execution = new QueueExecution(parts.broker());
        this.strategy = new QueueStrategy(parts.signals());
    }

    @Override
    public void publishDay(List<BarEvent> bars) {
        for (int i = 0; i < bars.size(); i++) {
            queue.add(bars.get(i));
        }
        Event event;
        while ((event = queue.poll()) != null) {
            published++;
            dispatch(event);
        }
    }

    /** Every event taken off the queue; once a day is done, every event added to it. */
    @Override
    public long eventsPublished() {
        return published;
    }

    // Handlers in the order the bus engines subscribe them: on BAR the tracker reads equity before the portfolio
    // marks the close, portfolio and execution know the close before the strategy signals; on ORDER risk comes
    // before execution. Nothing handles PORTFOLIO and RISK_BREACH, as on the buses.
    private void dispatch(Event event) {
        if (event instanceof BarEvent bar) {
            tracker.onBarEvent(bar);
            portfolio.onBarEvent(bar);
            execution.onBarEvent(bar);
            strategy.onBarEvent(bar, queue);
        } else if (event instanceof SignalEvent signal) {
            portfolio.onSignalEvent(signal, queue);
        } else if (event instanceof OrderEvent order) {
            risk.onOrderEvent(order, queue);
            execution.onOrderEvent(order, queue);
        } else if (event instanceof FillEvent fill) {
            portfolio.onFillEvent(fill, queue);
        }
    }
}
