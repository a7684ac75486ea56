package com.acme.backtest.portfolio;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
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
 * Cash and positions. Marks positions to market on BAR, turns each SIGNAL into an ORDER for the
 * difference between the position the signal wants and the one held, and books each FILL.
 */
public final class Portfolio implements EventHandler {

    private final EventBus bus;
    private final double positionFraction;
    private final Map<String, Position> positions = new HashMap<>();
    // The same positions in first-seen order, so valuation sums in a fixed order and stays reproducible.
    private final List<Position> valuationOrder = new ArrayList<>();
    private double cash;
    private long nextOrderId = 1;

    /**
     * @param positionFraction share of equity a full-strength signal puts into one symbol
     */
    public Portfolio(EventBus bus, double initialCash, double positionFraction) {
        this.bus = bus;
        this.cash = initialCash;
        this.positionFraction = positionFraction;
    }

    @Override
    public void handle(Event event) {
        switch (event.getType()) {
            case BAR -> markToMarket((BarEvent) event);
            case SIGNAL -> rebalance((SignalEvent) event);
            case FILL -> book((FillEvent) event);
            default -> throw new IllegalArgumentException("portfolio does not handle " + event.getType());
        }
    }

    private void markToMarket(BarEvent bar) {
        Position position = positions.get(bar.getSymbol());
        if (position == null) {
            position = new Position();
            positions.put(bar.getSymbol(), position);
            valuationOrder.add(position);
        }
        position.lastPrice = bar.getClose();
    }

    private void rebalance(SignalEvent signal) {
        Position position = positions.get(signal.getSymbol());
        double notional = equity() * positionFraction * signal.getStrength();
        long target = signal.getDirection().sign() * (long) Math.floor(notional / signal.getPrice());
        long change = target - position.quantity;
        if (change == 0) {
            return;
        }
        bus.publish(new OrderEvent(signal.getTimestamp(), nextOrderId++, signal.getSignalId(), signal.getSymbol(),
                Side.of(change), Math.abs(change)));
    }

    private void book(FillEvent fill) {
        Position position = positions.get(fill.getSymbol());
        long signedQuantity = fill.getSide().sign() * fill.getQuantity();
        position.quantity += signedQuantity;
        cash -= signedQuantity * fill.getPrice() + fill.getCommission();
        bus.publish(new PortfolioEvent(fill.getTimestamp(), fill.getFillId(), cash, equity(), openPositions(),
                grossExposure()));
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
