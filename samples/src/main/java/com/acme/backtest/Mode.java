package com.acme.backtest;

import com.acme.backtest.bus.EventBus;

import java.util.function.Supplier;

/** How events are dispatched; each mode supplies the bus the backtest is wired to. */
public enum Mode {
    /** Every publish dispatches to completion on the publishing thread. */
    SYNC("sync", EventBus::new);

    private final String flag;
    private final Supplier<EventBus> busFactory;

    Mode(String flag, Supplier<EventBus> busFactory) {
        this.flag = flag;
        this.busFactory = busFactory;
    }

    public String flag() {
        return flag;
    }

    EventBus newBus() {
        return busFactory.get();
    }

    static Mode fromFlag(String value) {
        for (Mode mode : values()) {
            if (mode.flag.equals(value)) {
                return mode;
            }
        }
        throw new UsageException("--mode must be one of: " + validFlags() + ", got '" + value + "'");
    }

    private static String validFlags() {
        StringBuilder flags = new StringBuilder();
        for (Mode mode : values()) {
            flags.append(flags.length() == 0 ? "" : ", ").append(mode.flag);
        }
        return flags.toString();
    }
}
