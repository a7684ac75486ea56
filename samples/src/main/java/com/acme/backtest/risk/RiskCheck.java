package com.acme.backtest.risk;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.RiskBreachEvent;
import com.acme.backtest.portfolio.Portfolio;

import java.util.Locale;

/**
 * Pre-trade check on ORDER: approves the order, or refuses it and publishes RISK_BREACH. Must be
 * subscribed to ORDER before execution, which fills only what this check approved.
 */
public final class RiskCheck implements EventHandler {

    private final EventBus bus;
    private final Portfolio portfolio;
    private final RiskLimits limits;
    private final OrderApprovals approvals;
    private long breaches;

    public RiskCheck(EventBus bus, Portfolio portfolio, RiskLimits limits, OrderApprovals approvals) {
        this.bus = bus;
        this.portfolio = portfolio;
        this.limits = limits;
        this.approvals = approvals;
    }

    @Override
    public void handle(Event event) {
        if (!(event instanceof OrderEvent order)) {
            throw new IllegalArgumentException("risk check handles ORDER events only, got " + event.getType());
        }
        String breach = findBreach(order);
        if (breach == null) {
            approvals.approve(order.getOrderId());
            return;
        }
        breaches++;
        bus.publish(new RiskBreachEvent(order.getTimestamp(), order.getOrderId(), order.getSymbol(), breach));
    }

    public long breachCount() {
        return breaches;
    }

    /** The reason the order breaks a limit, or null if it breaks none. */
    private String findBreach(OrderEvent order) {
        double price = portfolio.lastPrice(order.getSymbol());
        long current = portfolio.quantity(order.getSymbol());
        long projected = current + order.getSide().sign() * order.getQuantity();
        double currentNotional = Math.abs(current) * price;
        double projectedNotional = Math.abs(projected) * price;
        if (projectedNotional <= currentNotional) {
            // Never block an order that shrinks a position: it is how a breached book gets back in limits.
            return null;
        }
        double equity = portfolio.equity();
        double positionLimit = limits.maxPositionShare() * equity;
        if (projectedNotional > positionLimit) {
            return String.format(Locale.ROOT, "position notional %.2f exceeds limit %.2f",
                    projectedNotional, positionLimit);
        }
        double gross = portfolio.grossExposure() - currentNotional + projectedNotional;
        if (gross > limits.maxGrossLeverage() * equity) {
            return String.format(Locale.ROOT, "gross exposure %.2fx equity exceeds limit %.2fx",
                    gross / equity, limits.maxGrossLeverage());
        }
        return null;
    }
}
