package com.acme.backtest.risk;

/**
 * Pre-trade limits, both relative to current equity so they scale with the account.
 *
 * @param maxPositionShare  largest |position| x price in one symbol, as a share of equity
 * @param maxGrossLeverage  largest sum of |position| x price over all symbols, as a multiple of equity
 */
public record RiskLimits(double maxPositionShare, double maxGrossLeverage) {
}
