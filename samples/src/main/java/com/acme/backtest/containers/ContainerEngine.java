package com.acme.backtest.containers;

import com.acme.backtest.Components;
import com.acme.backtest.Engine;
import com.acme.backtest.bus.EventBus;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.EventType;
import com.acme.backtest.execution.SimulatedExecution;
import com.acme.backtest.portfolio.Portfolio;
import com.acme.backtest.risk.RiskCheck;
import com.acme.backtest.strategy.MovingAverageCrossoverStrategy;

import java.util.List;
import java.util.function.Supplier;

import static com.acme.backtest.events.EventType.BAR;
import static com.acme.backtest.events.EventType.FILL;
import static com.acme.backtest.events.EventType.ORDER;
import static com.acme.backtest.events.EventType.PORTFOLIO;
import static com.acme.backtest.events.EventType.RISK_BREACH;
import static com.acme.backtest.events.EventType.SIGNAL;

/**
 * One bus per container, as in designs where each container owns its event bus: data, strategy, portfolio
 * (with the performance tracker), risk and execution. A component publishes on its own container's bus only;
 * {@link Route}s subscribed there republish each event on the buses of the containers that consume it. All
 * of it is synchronous, and routes forward in the order the single bus dispatches, so the results are those of
 * --mode sync.
 */
public final class ContainerEngine implements Engine {

    private final EventBus data;
    private final PublishedEvents published = new PublishedEvents();

    /** @param newBus makes each container's bus */
    public ContainerEngine(Components parts, Supplier<EventBus> newBus) {
        this.data = newBus.get();
        EventBus strategy = newBus.get();
        EventBus portfolio = newBus.get();
        EventBus risk = newBus.get();
        EventBus execution = newBus.get();

        Portfolio portfolioHandler = new Portfolio(portfolio, parts.book());
        portfolio.subscribe(BAR, parts.tracker());
        portfolio.subscribe(BAR, portfolioHandler);
        portfolio.subscribe(SIGNAL, portfolioHandler);
        portfolio.subscribe(FILL, portfolioHandler);
        strategy.subscribe(BAR, new MovingAverageCrossoverStrategy(strategy, parts.signals()));
        risk.subscribe(ORDER, new RiskCheck(risk, parts.check()));
        SimulatedExecution executionHandler = new SimulatedExecution(execution, parts.broker());
        execution.subscribe(BAR, executionHandler);
        execution.subscribe(ORDER, executionHandler);

        // Destinations in single-bus dispatch order: on BAR the tracker reads equity before the portfolio marks
        // the close, portfolio and execution know the close before the strategy signals; on ORDER risk goes first.
        route(BAR, data, portfolio, execution, strategy);
        route(SIGNAL, strategy, portfolio);
        route(ORDER, portfolio, risk, execution);
        route(FILL, execution, portfolio);
        // Nothing consumes these two: they are only counted.
        route(PORTFOLIO, portfolio);
        route(RISK_BREACH, risk);
    }

    @Override
    public void publishDay(List<BarEvent> bars) {
        for (int i = 0; i < bars.size(); i++) {
            data.publish(bars.get(i));
        }
    }

    @Override
    public long eventsPublished() {
        return published.count();
    }

    /** Counts the type's events on the bus they are published on, then forwards them, if anyone consumes them. */
    private void route(EventType type, EventBus source, EventBus... destinations) {
        source.subscribe(type, published);
        if (destinations.length > 0) {
            source.subscribe(type, new Route(destinations));
        }
    }
}
