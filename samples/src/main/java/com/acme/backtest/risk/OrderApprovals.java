package com.acme.backtest.risk;

import java.util.HashSet;
import java.util.Set;

/**
 * The risk check's verdicts, shared by reference with execution. Verdicts live here rather than on the
 * order because events are immutable facts; and execution asks here rather than listening for
 * RISK_BREACH, so the answer does not depend on the order in which the bus delivers events.
 *
 * <p>Only explicitly approved orders may execute: an order the risk check never saw is never filled.
 */
public final class OrderApprovals {

    private final Set<Long> approved = new HashSet<>();

    public void approve(long orderId) {
        approved.add(orderId);
    }

    /** True if the order was approved and not yet executed; an approval can be used once only. */
    public boolean consume(long orderId) {
        return approved.remove(orderId);
    }
}
