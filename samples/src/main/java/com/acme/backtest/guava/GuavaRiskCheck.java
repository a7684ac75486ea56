package com.acme.backtest.guava;

import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.RiskBreachEvent;
import com.acme.backtest.risk.PreTradeCheck;
import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;

/** The pre-trade check as a Guava subscriber: approves each order or posts the breach that refuses it. */
public final class GuavaRiskCheck {

    private final EventBus bus;
    private final PreTradeCheck check;

    GuavaRiskCheck(EventBus bus, PreTradeCheck check) {
        this.bus = bus;
        this.check = check;
    }

    @Subscribe
    public void onOrder(OrderEvent order) {
        RiskBreachEvent breach = check.check(order);
        if (breach != null) {
            bus.post(breach);
        }
    }
}
