package com.acme.backtest.events;

/** The portfolio's state right after it booked a fill. */
public final class PortfolioEvent extends Event {

    private final long fillId;
    private final double cash;
    private final double equity;
    private final int openPositions;
    private final double grossExposure;

    public PortfolioEvent(long timestamp, long fillId, double cash, double equity, int openPositions,
                          double grossExposure) {
        super(EventType.PORTFOLIO, timestamp);
        this.fillId = fillId;
        this.cash = cash;
        this.equity = equity;
        this.openPositions = openPositions;
        this.grossExposure = grossExposure;
    }

    public long getFillId() {
        return fillId;
    }

    public double getCash() {
        return cash;
    }

    /** Cash plus positions marked at their last close. */
    public double getEquity() {
        return equity;
    }

    public int getOpenPositions() {
        return openPositions;
    }

    /** Sum of |position| x last close over all symbols. */
    public double getGrossExposure() {
        return grossExposure;
    }
}
