package com.acme.backtest;

import java.util.Locale;

/**
 * The outcome of one backtest.
 *
 * @param totalReturn  final equity over initial cash, minus one
 * @param maxDrawdown  largest peak-to-trough fall of the equity curve, as a positive fraction
 */
public record Results(long eventsPublished, long trades, long riskBreaches, double finalEquity, double totalReturn,
                      double sharpeRatio, double maxDrawdown) {

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
