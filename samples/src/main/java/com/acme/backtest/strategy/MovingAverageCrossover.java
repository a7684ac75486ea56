package com.acme.backtest.strategy;

/** Detects the fast average crossing the slow one, one price at a time. */
public final class MovingAverageCrossover {

    private final SimpleMovingAverage fast;
    private final SimpleMovingAverage slow;
    // +1 fast above slow, -1 below, 0 until the slow average is warmed up.
    private int lastSide;

    public MovingAverageCrossover(int fastPeriod, int slowPeriod) {
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException(
                    "fast period must be shorter than slow period, got " + fastPeriod + " and " + slowPeriod);
        }
        this.fast = new SimpleMovingAverage(fastPeriod);
        this.slow = new SimpleMovingAverage(slowPeriod);
    }

    public Crossing update(double price) {
        fast.add(price);
        slow.add(price);
        if (!slow.isReady()) {
            return Crossing.NONE;
        }
        int side = (int) Math.signum(fast.value() - slow.value());
        if (side == 0) {
            // Touching is not crossing: keep the side we were on until the averages actually part.
            return Crossing.NONE;
        }
        Crossing crossing = Crossing.NONE;
        if (lastSide != 0 && side != lastSide) {
            crossing = side > 0 ? Crossing.UP : Crossing.DOWN;
        }
        lastSide = side;
        return crossing;
    }
}
