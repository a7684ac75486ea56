package com.acme.backtest.strategy;

import com.acme.backtest.events.BarEvent;

/** Everything the strategy tracks for one symbol, fed one bar at a time. */
final class SymbolIndicators {

    private final MovingAverageCrossover crossover;
    private final AverageTrueRange atr;
    private final RealizedVolatility volatility;

    SymbolIndicators(CrossoverSettings settings) {
        this.crossover = new MovingAverageCrossover(settings.fastPeriod(), settings.slowPeriod());
        this.atr = new AverageTrueRange(settings.atrPeriod());
        this.volatility = new RealizedVolatility(settings.volatilityPeriod());
    }

    /** Feeds the bar to every indicator; the crossing is NONE until all of them are warmed up. */
    Crossing update(BarEvent bar) {
        atr.add(bar.getHigh(), bar.getLow(), bar.getClose());
        volatility.add(bar.getClose());
        Crossing crossing = crossover.update(bar.getClose());
        return atr.isReady() && volatility.isReady() ? crossing : Crossing.NONE;
    }

    double averageTrueRange() {
        return atr.value();
    }

    double volatility() {
        return volatility.value();
    }
}
