package com.acme.backtest.events;

/** A request to trade, sized by the portfolio from the signal it names. */
public final class OrderEvent extends Event {

    private final long orderId;
    private final long signalId;
    private final String symbol;
    private final Side side;
    private final long quantity;

    public OrderEvent(long timestamp, long orderId, long signalId, String symbol, Side side, long quantity) {
        super(EventType.ORDER, timestamp);
        this.orderId = orderId;
        this.signalId = signalId;
        this.symbol = symbol;
        this.side = side;
        this.quantity = quantity;
    }

    public long getOrderId() {
        return orderId;
    }

    public long getSignalId() {
        return signalId;
    }

    public String getSymbol() {
        return symbol;
    }

    public Side getSide() {
        return side;
    }

    /** Shares, always positive; the side gives the sign. */
    public long getQuantity() {
        return quantity;
    }
}
