package com.acme.backtest;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of one backtest.
 *
 * @param totalReturn  final equity over initial cash, minus one
 * @param maxDrawdown  largest peak-to-trough fall of the equity curve, as a positive fraction
 */
public record Results(long eventsPublished, long trades, long riskBreaches, double finalEquity, double totalReturn,
                      double sharpeRatio, double maxDrawdown) {

    /**
     * The runs of a sweep as one account that gave each run the same capital: events, trades, breaches and final
     * equity add up; the total return, that of an equal mix, is the runs' mean; the sharpe ratio is the mean of
     * the runs' (not the mix's); the drawdown is the worst run's. Summed in run order, so it is reproducible.
     */
    public static Results summary(List<Results> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a summary needs at least one run");
        }
        long events = 0;
        long trades = 0;
        long breaches = 0;
        double equity = 0;
        double returns = 0;
        double sharpe = 0;
        double drawdown = 0;
        for (Results run : runs) {
            events += run.eventsPublished;
            trades += run.trades;
            breaches += run.riskBreaches;
            equity += run.finalEquity;
            returns += run.totalReturn;
            sharpe += run.sharpeRatio;
            drawdown = Math.max(drawdown, run.maxDrawdown);
        }
        return new Results(events, trades, breaches, equity, returns / runs.size(), sharpe / runs.size(), drawdown);
    }

    /** One result per line, in the fixed form scripts compare byte for byte. */
    public String format() {
        return String.format(Locale.ROOT,
                "events published: %d%n"
                        + "trades: %d%n"
                        + "risk breaches: %d%n"
                        + "final equity: %.2f%n"
                        + "total return: %.2f%%%n"
                        + "sharpe ratio: %.3f%n"
                        + "max drawdown: %.2f%%%n",
                eventsPublished, trades, riskBreaches, finalEquity, totalReturn * 100, sharpeRatio,
                maxDrawdown * 100);
    }
}
