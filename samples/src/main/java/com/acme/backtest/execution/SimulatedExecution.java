package com.acme.backtest.execution;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.FillEvent;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.risk.OrderApprovals;

import java.util.HashMap;
import java.util.Map;

/**
 * A simulated broker: follows BAR to know each symbol's last close, and fills every approved ORDER in
 * full at that close plus slippage, publishing a FILL. Orders the risk check refused are dropped.
 */
public final class SimulatedExecution implements EventHandler {

    private final EventBus bus;
    private final CostModel costs;
    private final OrderApprovals approvals;
    private final Map<String, Double> lastClose = new HashMap<>();
    private long nextFillId = 1;

    public SimulatedExecution(EventBus bus, CostModel costs, OrderApprovals approvals) {
        this.bus = bus;
        this.costs = costs;
        this.approvals = approvals;
    }

    @Override
    public void handle(Event event) {
        switch (event.getType()) {
            case BAR -> {
                BarEvent bar = (BarEvent) event;
                lastClose.put(bar.getSymbol(), bar.getClose());
            }
            case ORDER -> execute((OrderEvent) event);
            default -> throw new IllegalArgumentException("execution does not handle " + event.getType());
        }
    }

    /** Fills published so far: the number of trades. */
    public long fillCount() {
        return nextFillId - 1;
    }

    private void execute(OrderEvent order) {
        if (!approvals.consume(order.getOrderId())) {
            return;
        }
        Double reference = lastClose.get(order.getSymbol());
        if (reference == null) {
            throw new IllegalStateException("order " + order.getOrderId() + " for " + order.getSymbol()
                    + " arrived before any bar of that symbol");
        }
        double price = costs.fillPrice(order.getSide(), reference);
        double slippage = Math.abs(price - reference) * order.getQuantity();
        bus.publish(new FillEvent(order.getTimestamp(), nextFillId++, order.getOrderId(), order.getSymbol(),
                order.getSide(), order.getQuantity(), price, costs.commission(order.getQuantity()), slippage));
    }
}
