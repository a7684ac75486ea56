package com.acme.backtest.strategy;

/**
 * Parameters of {@link CrossoverSignals}.
 *
 * @param fastPeriod        bars in the fast moving average
 * @param slowPeriod        bars in the slow moving average
 * @param atrPeriod         bars in the average true range that scales conviction
 * @param targetRangeShare  ATR as a share of price at which conviction is full; wider-ranging symbols get less
 * @param volatilityPeriod  daily returns in the realized volatility filter
 * @param maxVolatility     annualized volatility above which the strategy stands aside (signals FLAT)
 */
public record CrossoverSettings(int fastPeriod, int slowPeriod, int atrPeriod, double targetRangeShare,
                                int volatilityPeriod, double maxVolatility) {

    /** These settings with other moving-average windows, as a parameter sweep varies them. */
    public CrossoverSettings withWindows(int fast, int slow) {
        return new CrossoverSettings(fast, slow, atrPeriod, targetRangeShare, volatilityPeriod, maxVolatility);
    }
}
