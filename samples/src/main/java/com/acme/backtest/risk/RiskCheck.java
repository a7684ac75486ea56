package com.acme.backtest.risk;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.RiskBreachEvent;

/**
 * The pre-trade check on the bus: approves each ORDER, or refuses it and publishes RISK_BREACH. Must be
 * subscribed to ORDER before execution, which fills only what this check approved.
 */
public final class RiskCheck implements EventHandler {

    private final EventBus bus;
    private final PreTradeCheck check;

    public RiskCheck(EventBus bus, PreTradeCheck check) {
        this.bus = bus;
        this.check = check;
    }

    @Override
    public void handle(Event event) {
        if (!(event instanceof OrderEvent order)) {
            throw new IllegalArgumentException("risk check handles ORDER events only, got " + event.getType());
        }
        RiskBreachEvent breach = check.check(order);
        if (breach != null) {
            bus.publish(breach);
        }
    }
}
