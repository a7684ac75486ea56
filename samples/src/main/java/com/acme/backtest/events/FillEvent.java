package com.acme.backtest.events;

/** An executed order. The price already includes slippage; slippage is reported apart as its cost. */
public final class FillEvent extends Event {

    private final long fillId;
    private final long orderId;
    private final String symbol;
    private final Side side;
    private final long quantity;
    private final double price;
    private final double commission;
    private final double slippage;

    public FillEvent(long timestamp, long fillId, long orderId, String symbol, Side side, long quantity,
                     double price, double commission, double slippage) {
        super(EventType.FILL, timestamp);
        this.fillId = fillId;
        this.orderId = orderId;
        this.symbol = symbol;
        this.side = side;
        this.quantity = quantity;
        this.price = price;
        this.commission = commission;
        this.slippage = slippage;
    }

    public long getFillId() {
        return fillId;
    }

    public long getOrderId() {
        return orderId;
    }

    public String getSymbol() {
        return symbol;
    }

    public Side getSide() {
        return side;
    }

    public long getQuantity() {
        return quantity;
    }

    public double getPrice() {
        return price;
    }

    public double getCommission() {
        return commission;
    }

    /** What slippage cost on this fill, in currency: |fill price - reference price| x quantity. */
    public double getSlippage() {
        return slippage;
    }
}
