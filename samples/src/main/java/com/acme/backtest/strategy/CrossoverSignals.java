package com.acme.backtest.strategy;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Direction;
import com.acme.backtest.events.SignalEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * Trend following, bar by bar: LONG when the fast average crosses above the slow one, SHORT when it crosses
 * below, FLAT instead of either while the symbol is too volatile to trust the trend. Conviction shrinks as the
 * average true range grows, so every position carries roughly the same daily risk. Signals are numbered from 1.
 *
 * <p>Knows no bus: each engine publishes the signals in its own way.
 */
public final class CrossoverSignals {

    private final CrossoverSettings settings;
    private final Map<String, SymbolIndicators> indicators = new HashMap<>();
    private long nextSignalId = 1;

    public CrossoverSignals(CrossoverSettings settings) {
        this.settings = settings;
    }

    /** The signal this bar triggers, or null if it triggers none. */
    public SignalEvent onBar(BarEvent bar) {
        SymbolIndicators symbol = indicators.get(bar.getSymbol());
        if (symbol == null) {
            symbol = new SymbolIndicators(settings);
            indicators.put(bar.getSymbol(), symbol);
        }
        Crossing crossing = symbol.update(bar);
        if (crossing == Crossing.NONE) {
            return null;
        }
        Direction direction;
        if (symbol.volatility() > settings.maxVolatility()) {
            direction = Direction.FLAT;
        } else {
            direction = crossing == Crossing.UP ? Direction.LONG : Direction.SHORT;
        }
        double rangeShare = symbol.averageTrueRange() / bar.getClose();
        double strength = Math.min(1, settings.targetRangeShare() / rangeShare);
        return new SignalEvent(bar.getTimestamp(), nextSignalId++, bar.getSymbol(), direction, strength,
                bar.getClose());
    }
}
