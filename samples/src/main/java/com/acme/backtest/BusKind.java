package com.acme.backtest;

/** Which event bus carries the events of --mode sync. */
public enum BusKind implements Choice {
    /** The sample's own {@link com.acme.backtest.bus.EventBus}. */
    OWN("own"),
    /** Guava's synchronous EventBus, with adapters that subscribe the components. */
    GUAVA("guava"),
    /** Guava's AsyncEventBus: handlers run on one thread of their own. */
    GUAVA_ASYNC("guava-async"),
    /** No bus class at all: a plain queue and a loop that calls the handlers by event type. */
    QUEUE("queue");

    private final String flag;

    BusKind(String flag) {
        this.flag = flag;
    }

    @Override
    public String flag() {
        return flag;
    }
}
