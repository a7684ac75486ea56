package com.acme.backtest.portfolio;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.FillEvent;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.PortfolioEvent;
import com.acme.backtest.events.SignalEvent;
import com.acme.backtest.events.Side;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cash and positions: marks positions to each bar's close, sizes the order that takes a position where a
 * signal wants it, and books fills. Orders are numbered from 1.
 *
 * <p>Knows no bus: each engine publishes the orders and portfolio states in its own way.
 */
public final class Book {

    private final double positionFraction;
    private final Map<String, Position> positions = new HashMap<>();
    // The same positions in first-seen order, so valuation sums in a fixed order and stays reproducible.
    private final List<Position> valuationOrder = new ArrayList<>();
    private double cash;
    private long nextOrderId = 1;

    /**
     * @param positionFraction share of equity a full-strength signal puts into one symbol
     */
    public Book(double initialCash, double positionFraction) {
        this.cash = initialCash;
        this.positionFraction = positionFraction;
    }

    public void markToMarket(BarEvent bar) {
        Position position = positions.get(bar.getSymbol());
        if (position == null) {
            position = new Position();
            positions.put(bar.getSymbol(), position);
            valuationOrder.add(position);
        }
        position.lastPrice = bar.getClose();
    }

    /** The order for the difference between the position the signal wants and the one held; null if none. */
    public OrderEvent rebalance(SignalEvent signal) {
        Position position = positions.get(signal.getSymbol());
        double notional = equity() * positionFraction * signal.getStrength();
        long target = signal.getDirection().sign() * (long) Math.floor(notional / signal.getPrice());
        long change = target - position.quantity;
        if (change == 0) {
            return null;
        }
        return new OrderEvent(signal.getTimestamp(), nextOrderId++, signal.getSignalId(), signal.getSymbol(),
                Side.of(change), Math.abs(change));
    }

    /** Books the fill and returns the portfolio's state right after it. */
    public PortfolioEvent record(FillEvent fill) {
        Position position = positions.get(fill.getSymbol());
        long signedQuantity = fill.getSide().sign() * fill.getQuantity();
        position.quantity += signedQuantity;
        cash -= signedQuantity * fill.getPrice() + fill.getCommission();
        return new PortfolioEvent(fill.getTimestamp(), fill.getFillId(), cash, equity(), openPositions(),
                grossExposure());
    }

    /** Cash plus every position at its last close. */
    public double equity() {
        double equity = cash;
        for (int i = 0; i < valuationOrder.size(); i++) {
            equity += valuationOrder.get(i).marketValue();
        }
        return equity;
    }

    /** Sum of |market value| over all positions, long and short alike. */
    public double grossExposure() {
        double gross = 0;
        for (int i = 0; i < valuationOrder.size(); i++) {
            gross += Math.abs(valuationOrder.get(i).marketValue());
        }
        return gross;
    }

    public long quantity(String symbol) {
        Position position = positions.get(symbol);
        return position == null ? 0 : position.quantity;
    }

    public double lastPrice(String symbol) {
        Position position = positions.get(symbol);
        return position == null ? Double.NaN : position.lastPrice;
    }

    private int openPositions() {
        int open = 0;
        for (int i = 0; i < valuationOrder.size(); i++) {
            if (valuationOrder.get(i).quantity != 0) {
                open++;
            }
        }
        return open;
    }
}
