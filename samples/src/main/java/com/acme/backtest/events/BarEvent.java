package com.acme.backtest.events;

/** One OHLCV bar of one symbol. */
public final class BarEvent extends Event {

    private final String symbol;
    private final double open;
    private final double high;
    private final double low;
    private final double close;
    private final long volume;

    public BarEvent(long timestamp, String symbol, double open, double high, double low, double close, long volume) {
        super(EventType.BAR, timestamp);
        this.symbol = symbol;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    public String getSymbol() {
        return symbol;
    }

    public double getOpen() {
        return open;
    }

    public double getHigh() {
        return high;
    }

    public double getLow() {
        return low;
    }

    public double getClose() {
        return close;
    }

    public long getVolume() {
        return volume;
    }
}
