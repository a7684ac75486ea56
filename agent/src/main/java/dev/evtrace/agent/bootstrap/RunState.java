package dev.evtrace.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/** One backtest run: its correlation id and its gap-free event numbering. */
public final class RunState {
    private final String correlationId;
    private final AtomicLong lastEventId = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedDeliveries = new AtomicLong();

    public RunState(String correlationId) {
        this.correlationId = correlationId;
    }

    public String correlationId() {
        return correlationId;
    }

    long nextEventId() {
        return lastEventId.incrementAndGet();
    }

    void dropped() {
        dropped.incrementAndGet();
    }

    void droppedDeliveries(int n) {
        droppedDeliveries.addAndGet(n);
    }

    /** Handler deliveries of this run the ring had no room for (overflow=drop). */
    public long droppedDeliveryCount() {
        return droppedDeliveries.get();
    }

    /** Events published in this run so far. */
    public long published() {
        return lastEventId.get();
    }

    /** Events of this run the ring had no room for (overflow=drop). */
    public long droppedCount() {
        return dropped.get();
    }
}
