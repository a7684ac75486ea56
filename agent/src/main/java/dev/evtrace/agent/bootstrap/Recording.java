package dev.evtrace.agent.bootstrap;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What is being recorded and how: the ring events go through, the run everything belongs to unless a run
 * boundary starts another, and the overflow policy.
 */
public final class Recording {
    private final EventRing ring;
    private final RunState defaultRun;
    private final Supplier<String> runIds;
    private final Predicate<Object> critical;
    private final boolean dropWhenFull;
    private final boolean deliveries;
    private final boolean sharedDeliveryClock;
    private final Predicate<Object> isEvent;
    private final DeferredEvents deferred = new DeferredEvents();
    private final List<RunState> runs = new CopyOnWriteArrayList<>();

    /**
     * @param runIds       correlation ids for runs started at a run boundary
     * @param critical     with dropWhenFull, the events that are waited for rather than dropped
     * @param dropWhenFull when the ring is full, drop non-critical events instead of waiting
     * @param deliveries   record one row per handler invocation
     * @param sharedDeliveryClock a further delivery of a synchronous publish starts when the one before ended
     *                     (see {@link Tracer#handlerStart}) rather than with a clock reading of its own
     * @param isEvent      which objects handed to a JDK publish call (queue.add) are the program's events
     */
    public Recording(EventRing ring, String correlationId, Supplier<String> runIds, Predicate<Object> critical,
                     boolean dropWhenFull, boolean deliveries, boolean sharedDeliveryClock,
                     Predicate<Object> isEvent) {
        this.ring = ring;
        this.defaultRun = new RunState(correlationId);
        this.runIds = runIds;
        this.critical = critical;
        this.dropWhenFull = dropWhenFull;
        this.deliveries = deliveries;
        this.sharedDeliveryClock = sharedDeliveryClock;
        this.isEvent = isEvent;
        runs.add(defaultRun);
    }

    /** Everything recorded, blocking when full, in one run. */
    public Recording(String correlationId, EventRing ring) {
        this(ring, correlationId, () -> correlationId, event -> true, false, true, true, event -> true);
    }

    public EventRing ring() {
        return ring;
    }

    public String correlationId() {
        return defaultRun.correlationId();
    }

    RunState defaultRun() {
        return defaultRun;
    }

    RunState newRun() {
        RunState run = new RunState(runIds.get());
        runs.add(run);
        return run;
    }

    /** Every run so far: the default one first, then those started at run boundaries. */
    public List<RunState> runs() {
        return runs;
    }

    DeferredEvents deferred() {
        return deferred;
    }

    boolean isEvent(Object candidate) {
        try {
            return isEvent.test(candidate);
        } catch (RuntimeException e) {
            return false;
        }
    }

    boolean recordsDeliveries() {
        return deliveries;
    }

    boolean sharesDeliveryClock() {
        return sharedDeliveryClock;
    }

    /**
     * Hands a finished record to the ring under the overflow policy, with {@code inline} deliveries of its event
     * (see {@link EventRing#put}); false when it was dropped.
     */
    boolean hand(int kind, Object event, RunState run, long eventId, long causationId, Object source, String thread,
                 long created, long received, long processed, Object[] sources, long[] times, int from, int inline,
                 int threw) {
        String id = run.correlationId();
        if (!dropWhenFull) {
            ring.put(kind, event, id, eventId, causationId, source, thread, created, received, processed, sources,
                    times, from, inline, threw);
            return true;
        }
        if (ring.offer(kind, event, id, eventId, causationId, source, thread, created, received, processed, sources,
                times, from, inline, threw)) {
            return true;
        }
        if ((kind & EventRing.DELIVERY) != 0) {
            run.droppedDeliveries(1);
            return false;
        }
        if (!isCritical(event)) {
            run.dropped();
            run.droppedDeliveries(inline);
            return false;
        }
        ring.put(kind, event, id, eventId, causationId, source, thread, created, received, processed, sources, times,
                from, inline, threw);
        return true;
    }

    private boolean isCritical(Object event) {
        try {
            return critical.test(event);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Events published in every run so far. */
    public long published() {
        long n = 0;
        for (RunState run : runs) {
            n += run.published();
        }
        return n;
    }
}
