package com.acme.backtest.onebus;

import com.acme.backtest.Components;
import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.portfolio.Portfolio;
import com.acme.backtest.risk.RiskCheck;
import com.acme.backtest.strategy.MovingAverageCrossoverStrategy;

import static com.acme.backtest.events.EventType.BAR;
import static com.acme.backtest.events.EventType.FILL;
import static com.acme.backtest.events.EventType.ORDER;
import static com.acme.backtest.events.EventType.SIGNAL;

/** The sample's original wiring: every component's handler on one bus. */
final class OneBusWiring {

    private OneBusWiring() {
    }

    /** @param execution the handler that fills orders, publishing each FILL on this bus */
    static void subscribe(EventBus bus, Components parts, EventHandler execution) {
        Portfolio portfolio = new Portfolio(bus, parts.book());
        // Subscription order is dispatch order, and it matters on BAR: the tracker reads equity before
        // the portfolio marks the new close, and the portfolio and execution must know the close before
        // the strategy reacts to it with a signal that is sized and filled at that close.
        bus.subscribe(BAR, parts.tracker());
        bus.subscribe(BAR, portfolio);
        bus.subscribe(BAR, execution);
        bus.subscribe(BAR, new MovingAverageCrossoverStrategy(bus, parts.signals()));
        bus.subscribe(SIGNAL, portfolio);
        // Risk before execution: execution fills only orders the risk check approved.
        bus.subscribe(ORDER, new RiskCheck(bus, parts.check()));
        bus.subscribe(ORDER, execution);
        bus.subscribe(FILL, portfolio);
    }
}
