package com.acme.backtest.strategy;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Direction;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.SignalEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * Trend following on BAR: LONG when the fast average crosses above the slow one, SHORT when it crosses
 * below, FLAT instead of either while the symbol is too volatile to trust the trend. Conviction shrinks
 * as the average true range grows, so every position carries roughly the same daily risk.
 */
public final class MovingAverageCrossoverStrategy implements EventHandler {

    private final EventBus bus;
    private final CrossoverSettings settings;
    private final Map<String, SymbolIndicators> indicators = new HashMap<>();
    private long nextSignalId = 1;

    public MovingAverageCrossoverStrategy(EventBus bus, CrossoverSettings settings) {
        this.bus = bus;
        this.settings = settings;
    }

    @Override
    public void handle(Event event) {
        if (!(event instanceof BarEvent bar)) {
            throw new IllegalArgumentException("strategy handles BAR events only, got " + event.getType());
        }
        SymbolIndicators symbol = indicators.get(bar.getSymbol());
        if (symbol == null) {
            symbol = new SymbolIndicators(settings);
            indicators.put(bar.getSymbol(), symbol);
        }
        Crossing crossing = symbol.update(bar);
        if (crossing == Crossing.NONE) {
            return;
        }
        Direction direction;
        if (symbol.volatility() > settings.maxVolatility()) {
            direction = Direction.FLAT;
        } else {
            direction = crossing == Crossing.UP ? Direction.LONG : Direction.SHORT;
        }
        double rangeShare = symbol.averageTrueRange() / bar.getClose();
        double strength = Math.min(1, settings.targetRangeShare() / rangeShare);
        bus.publish(new SignalEvent(bar.getTimestamp(), nextSignalId++, bar.getSymbol(), direction, strength,
                bar.getClose()));
    }
}
