package com.acme.backtest.events;

/** A strategy's view on a symbol: which way to be positioned and how strongly, at a reference price. */
public final class SignalEvent extends Event {

    private final long signalId;
    private final String symbol;
    private final Direction direction;
    private final double strength;
    private final double price;

    public SignalEvent(long timestamp, long signalId, String symbol, Direction direction, double strength, double price) {
        super(EventType.SIGNAL, timestamp);
        this.signalId = signalId;
        this.symbol = symbol;
        this.direction = direction;
        this.strength = strength;
        this.price = price;
    }

    public long getSignalId() {
        return signalId;
    }

    public String getSymbol() {
        return symbol;
    }

    public Direction getDirection() {
        return direction;
    }

    /** Conviction between 0 and 1. */
    public double getStrength() {
        return strength;
    }

    public double getPrice() {
        return price;
    }
}
