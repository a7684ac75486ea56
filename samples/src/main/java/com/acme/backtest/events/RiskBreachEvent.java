package com.acme.backtest.events;

/** An order the pre-trade risk check refused; it will not be filled. */
public final class RiskBreachEvent extends Event {

    private final long orderId;
    private final String symbol;
    private final String reason;

    public RiskBreachEvent(long timestamp, long orderId, String symbol, String reason) {
        super(EventType.RISK_BREACH, timestamp);
        this.orderId = orderId;
        this.symbol = symbol;
        this.reason = reason;
    }

    public long getOrderId() {
        return orderId;
    }

    public String getSymbol() {
        return symbol;
    }

    public String getReason() {
        return reason;
    }
}
