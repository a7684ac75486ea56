package com.acme.backtest.queue;

import com.acme.backtest.events.Event;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.RiskBreachEvent;
import com.acme.backtest.risk.PreTradeCheck;

import java.util.Queue;

/** The pre-trade check as a queue-engine handler: approves each order or queues the breach that refuses it. */
public final class QueueRiskCheck {

    private final PreTradeCheck check;

    QueueRiskCheck(PreTradeCheck check) {
        this.check = check;
    }

    public void onOrderEvent(OrderEvent order, Queue<Event> queue) {
        RiskBreachEvent breach = check.check(order);
        if (breach != null) {
            queue.add(breach);
        }
    }
}
