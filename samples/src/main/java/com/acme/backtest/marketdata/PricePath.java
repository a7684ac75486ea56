package com.acme.backtest.marketdata;

import com.acme.backtest.events.BarEvent;

import java.util.SplittableRandom;

/**
 * Prices of one symbol under stochastic volatility (a Heston-style variance that reverts to its long-run
 * level and falls as price rises), simulated intraday so a bar's high and low come from a real path.
 * Each path owns its random stream and shares only the market factor, so a symbol's prices do not depend on
 * which other symbols are simulated beside it.
 */
final class PricePath {

    private static final double TRADING_DAYS_PER_YEAR = 252;
    // Share of a day's variance that arrives overnight, as the gap between close and next open.
    private static final double OVERNIGHT_SHARE = 0.2;
    // Variance reverts with a half-life of about two months; with these values 2*kappa*theta > xi^2 for every
    // long-run level drawn below, so the variance process stays away from zero.
    private static final double REVERSION_SPEED = 4;
    private static final double VOLATILITY_OF_VARIANCE = 0.4;
    // Leverage effect: falling prices come with rising volatility.
    private static final double PRICE_VARIANCE_CORRELATION = -0.5;
    private static final double MIN_VARIANCE = 1e-4;
    // Correlation of each symbol's shocks with the market's, drawn per symbol between these bounds.
    private static final double MIN_MARKET_CORRELATION = 0.3;
    private static final double MAX_MARKET_CORRELATION = 0.7;

    private final String symbol;
    private final SplittableRandom random;
    private final int stepsPerBar;
    private final double drift;
    private final double marketLoading;
    private final double ownLoading;
    private final double longRunVariance;
    private final double stepYears;
    private final double stepVolume;
    private double variance;
    private double lastClose;

    PricePath(String symbol, SplittableRandom random, int stepsPerBar) {
        this.symbol = symbol;
        this.random = random;
        this.stepsPerBar = stepsPerBar;
        this.drift = random.nextDouble(-0.05, 0.15);
        // Loadings with squares summing to one keep every mixed shock standard normal.
        this.marketLoading = random.nextDouble(MIN_MARKET_CORRELATION, MAX_MARKET_CORRELATION);
        this.ownLoading = Math.sqrt(1 - marketLoading * marketLoading);
        double longRunVolatility = random.nextDouble(0.15, 0.55);
        this.longRunVariance = longRunVolatility * longRunVolatility;
        this.stepYears = (1 - OVERNIGHT_SHARE) / TRADING_DAYS_PER_YEAR / stepsPerBar;
        this.stepVolume = random.nextDouble(2e5, 5e6) / stepsPerBar;
        this.variance = longRunVariance;
        this.lastClose = random.nextDouble(20, 200);
    }

    BarEvent nextBar(long timestamp, MarketFactor market) {
        double gapYears = OVERNIGHT_SHARE / TRADING_DAYS_PER_YEAR;
        double open = lastClose * Math.exp(logReturn(gapYears, mix(market.gapShock())));
        double price = open;
        double high = open;
        double low = open;
        double volume = 0;
        for (int step = 0; step < stepsPerBar; step++) {
            double priceShock = mix(market.stepShock(step));
            double varianceShock = PRICE_VARIANCE_CORRELATION * priceShock
                    + Math.sqrt(1 - PRICE_VARIANCE_CORRELATION * PRICE_VARIANCE_CORRELATION) * random.nextGaussian();
            price *= Math.exp(logReturn(stepYears, priceShock));
            evolveVariance(stepYears, varianceShock);
            high = Math.max(high, price);
            low = Math.min(low, price);
            // Volume clusters where price moves: a quiet step trades half the usual size.
            volume += stepVolume * (0.5 + Math.abs(priceShock));
        }
        lastClose = price;
        return new BarEvent(timestamp, symbol, quote(open), quote(high), quote(low), quote(price), Math.round(volume));
    }

    /** Exchanges quote in ticks: bars carry prices in whole cents, while the path itself keeps full precision. */
    private static double quote(double price) {
        return Math.round(price * 100) / 100.0;
    }

    private double mix(double marketShock) {
        return marketLoading * marketShock + ownLoading * random.nextGaussian();
    }

    // Ito correction (-variance/2) keeps the expected price growth equal to the drift.
    private double logReturn(double years, double shock) {
        return (drift - variance / 2) * years + Math.sqrt(variance * years) * shock;
    }

    private void evolveVariance(double years, double shock) {
        double next = variance + REVERSION_SPEED * (longRunVariance - variance) * years
                + VOLATILITY_OF_VARIANCE * Math.sqrt(variance * years) * shock;
        variance = Math.max(MIN_VARIANCE, next);
    }
}
