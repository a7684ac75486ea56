package com.acme.backtest.execution;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.FillEvent;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.risk.OrderApprovals;

import java.util.HashMap;
import java.util.Map;

/**
 * A simulated broker: follows the bars to know each symbol's last close, and fills an order the risk check
 * approved in full at that close plus slippage. Fills are numbered from 1.
 *
 * <p>Knows no bus: each engine publishes the fills in its own way.
 */
public final class SimulatedBroker {

    private final CostModel costs;
    private final OrderApprovals approvals;
    private final Map<String, Double> lastClose = new HashMap<>();
    private long nextFillId = 1;

    public SimulatedBroker(CostModel costs, OrderApprovals approvals) {
        this.costs = costs;
        this.approvals = approvals;
    }

    public void onBar(BarEvent bar) {
        lastClose.put(bar.getSymbol(), bar.getClose());
    }

    /** True if the risk check approved the order and it was not taken yet; false means it is dropped. */
    public boolean accept(OrderEvent order) {
        return approvals.consume(order.getOrderId());
    }

    /** Fills an accepted order. */
    public FillEvent fill(OrderEvent order) {
        Double reference = lastClose.get(order.getSymbol());
        if (reference == null) {
            throw new IllegalStateException("order " + order.getOrderId() + " for " + order.getSymbol()
                    + " arrived before any bar of that symbol");
        }
        double price = costs.fillPrice(order.getSide(), reference);
        double slippage = Math.abs(price - reference) * order.getQuantity();
        return new FillEvent(order.getTimestamp(), nextFillId++, order.getOrderId(), order.getSymbol(),
                order.getSide(), order.getQuantity(), price, costs.commission(order.getQuantity()), slippage);
    }

    /** Fills made so far: the number of trades. */
    public long fillCount() {
        return nextFillId - 1;
    }
}
