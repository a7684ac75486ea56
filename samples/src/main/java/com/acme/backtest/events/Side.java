package com.acme.backtest.events;

/** Whether an order or fill adds to (BUY) or takes from (SELL) the position. */
public enum Side {
    BUY(1),
    SELL(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for BUY, -1 for SELL: multiply a quantity by it to get the signed position change. */
    public int sign() {
        return sign;
    }

    public static Side of(long signedQuantity) {
        return signedQuantity >= 0 ? BUY : SELL;
    }
}
