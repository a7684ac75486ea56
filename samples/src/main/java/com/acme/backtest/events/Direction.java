package com.acme.backtest.events;

/** Where a signal wants the position in a symbol to be. */
public enum Direction {
    LONG(1),
    SHORT(-1),
    FLAT(0);

    private final int sign;

    Direction(int sign) {
        this.sign = sign;
    }

    /** +1, -1 or 0: the sign of the target position. */
    public int sign() {
        return sign;
    }
}
