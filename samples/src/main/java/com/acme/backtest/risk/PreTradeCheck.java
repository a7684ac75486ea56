package com.acme.backtest.risk;

import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.RiskBreachEvent;
import com.acme.backtest.portfolio.Book;

import java.util.Locale;

/**
 * Pre-trade risk: approves an order in the approvals execution consults, or refuses it with the limit it
 * breaks. Must see an order before execution does, which fills only what this check approved.
 *
 * <p>Knows no bus: each engine publishes the breaches in its own way.
 */
public final class PreTradeCheck {

    private final Book book;
    private final RiskLimits limits;
    private final OrderApprovals approvals;
    private long breaches;

    public PreTradeCheck(Book book, RiskLimits limits, OrderApprovals approvals) {
        this.book = book;
        this.limits = limits;
        this.approvals = approvals;
    }

    /** Approves the order and returns null, or returns the breach that refuses it. */
    public RiskBreachEvent check(OrderEvent order) {
        String breach = findBreach(order);
        if (breach == null) {
            approvals.approve(order.getOrderId());
            return null;
        }
        breaches++;
        return new RiskBreachEvent(order.getTimestamp(), order.getOrderId(), order.getSymbol(), breach);
    }

    public long breachCount() {
        return breaches;
    }

    /** The reason the order breaks a limit, or null if it breaks none. */
    private String findBreach(OrderEvent order) {
        double price = book.lastPrice(order.getSymbol());
        long current = book.quantity(order.getSymbol());
        long projected = current + order.getSide().sign() * order.getQuantity();
        double currentNotional = Math.abs(current) * price;
        double projectedNotional = Math.abs(projected) * price;
        if (projectedNotional <= currentNotional) {
            // Never block an order that shrinks a position: it is how a breached book gets back in limits.
            return null;
        }
        double equity = book.equity();
        double positionLimit = limits.maxPositionShare() * equity;
        if (projectedNotional > positionLimit) {
            return String.format(Locale.ROOT, "position notional %.2f exceeds limit %.2f",
                    projectedNotional, positionLimit);
        }
        double gross = book.grossExposure() - currentNotional + projectedNotional;
        if (gross > limits.maxGrossLeverage() * equity) {
            return String.format(Locale.ROOT, "gross exposure %.2fx equity exceeds limit %.2fx",
                    gross / equity, limits.maxGrossLeverage());
        }
        return null;
    }
}
