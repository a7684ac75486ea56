package dev.evtrace.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/** One traced run: its correlation id, its event numbering and the ring its events go through. */
public final class Recording {
    private final String correlationId;
    private final EventRing ring;
    private final AtomicLong lastEventId = new AtomicLong();

    public Recording(String correlationId, EventRing ring) {
        this.correlationId = correlationId;
        this.ring = ring;
    }

    public String correlationId() {
        return correlationId;
    }

    public EventRing ring() {
        return ring;
    }

    long nextEventId() {
        return lastEventId.incrementAndGet();
    }

    /** Events published so far. */
    public long published() {
        return lastEventId.get();
    }
}
