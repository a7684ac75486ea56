package com.acme.backtest.execution;

import com.acme.backtest.events.Side;

/**
 * Trading costs of a simulated broker.
 *
 * @param slippageBps        how far the fill lands from the reference price against the trader, in basis points
 * @param commissionPerShare commission charged per share
 * @param minCommission      floor on the commission of one fill
 */
public record CostModel(double slippageBps, double commissionPerShare, double minCommission) {

    /** Buyers pay up, sellers give away: slippage always works against the order. */
    public double fillPrice(Side side, double referencePrice) {
        return referencePrice * (1 + side.sign() * slippageBps / 10_000);
    }

    public double commission(long quantity) {
        return Math.max(minCommission, quantity * commissionPerShare);
    }
}
