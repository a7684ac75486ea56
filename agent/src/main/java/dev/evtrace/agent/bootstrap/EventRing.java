package dev.evtrace.agent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded many-producer, one-consumer ring of preallocated slots (columns of primitives, no object per
 * event). Producers claim a sequence, wait while the ring is full (a backtest prefers waiting to losing
 * events), fill the slot and publish it; the writer thread reads slots in sequence order.
 */
public final class EventRing {
    // 16 longs = 128 bytes on each side of the cell: no other data on its cache line or the adjacent one.
    private static final int CONSUMED = 16;
    private static final int RELEASE_EVERY = 64;
    private static final long FIRST_PARK_NANOS = 10_000;
    private static final VarHandle CONSUMED_SEEN;

    static {
        try {
            CONSUMED_SEEN = MethodHandles.lookup().findVarHandle(EventRing.class, "consumedSeen", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A slot that records one handler invocation rather than an event. */
    public static final int DELIVERY = 1;
    /** With DELIVERY: the handler ended by throwing. */
    public static final int THREW = 2;

    private final int mask;
    /**
     * How many slots a producer that found the ring full waits to see free, not just its own: a sixteenth of
     * the ring. Resuming as soon as its own slot was free, each producer of a parallel sweep found the ring full
     * again at its next event, and parked and woke again for every few slots the writer freed: 336,000 context
     * switches and 1.9 s of system time in a 14 s sweep, on the cores the writer needed.
     */
    private final int headroom;
    /**
     * A waiting producer's longest park: a millisecond, or less in a small ring, so that it wakes before the
     * writer (at ~0.6 µs a slot; 0.25 µs assumed) could have drained the ring up to its slot.
     */
    private final long longestParkNanos;
    private final int[] flags;
    private final String[] threads;
    private final long[] eventIds;
    private final long[] causationIds;
    // No emitted column: publish hands an event to its bus as it creates it, so emitted is always created.
    private final long[] created;
    private final long[] received;
    private final long[] processed;
    private final Object[] events;
    private final String[] sources;
    private final String[] runs;
    /** published[i] == seq + 1 once the slot for seq is fully written. */
    private final AtomicLongArray published;
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicLong blockedNanos = new AtomicLong();
    /**
     * The next sequence the consumer reads, written by the consumer only, in cell {@link #CONSUMED} of an array
     * of its own: as a field of this object it shared a cache line with the array references that every put
     * reads, and each of the consumer's updates made the producers fetch that line again.
     */
    private final AtomicLongArray consumedCell = new AtomicLongArray(2 * CONSUMED);
    /**
     * The producers' last look at the consumed sequence: a put reads the consumer's cell only when the ring
     * seems full by this one. Any producer may update it, with plain (opaque) writes; a stale value only makes
     * a producer look again.
     */
    @SuppressWarnings("unused")
    private long consumedSeen;

    public EventRing(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        mask = capacity - 1;
        headroom = capacity / 16;
        longestParkNanos = Math.min(1_000_000L, capacity * 250L);
        flags = new int[capacity];
        threads = new String[capacity];
        eventIds = new long[capacity];
        causationIds = new long[capacity];
        created = new long[capacity];
        received = new long[capacity];
        processed = new long[capacity];
        events = new Object[capacity];
        sources = new String[capacity];
        runs = new String[capacity];
        published = new AtomicLongArray(capacity);
    }

    public int capacity() {
        return mask + 1;
    }

    /** Appends one record, waiting for space when the writer is behind. */
    public void put(int kind, Object event, String run, long eventId, long causationId, String source, String thread,
                    long createdAt, long receivedAt, long processedAt) {
        long seq = claimed.getAndIncrement();
        if (seq - (long) CONSUMED_SEEN.getOpaque(this) >= events.length) {
            long consumed = consumedCell.get(CONSUMED);
            CONSUMED_SEEN.setOpaque(this, consumed);
            if (seq - consumed >= events.length) {
                awaitSpace(seq);
            }
        }
        fill(seq, kind, event, run, eventId, causationId, source, thread, createdAt, receivedAt, processedAt);
    }

    /**
     * Appends one record if there is room now, else returns false at once: a claim is only taken when a slot is
     * free, so a refused record never holds up the ones behind it.
     */
    public boolean offer(int kind, Object event, String run, long eventId, long causationId, String source, String thread,
                         long createdAt, long receivedAt, long processedAt) {
        long seq;
        do {
            seq = claimed.get();
            if (seq - consumedCell.get(CONSUMED) >= events.length) {
                return false;
            }
        } while (!claimed.compareAndSet(seq, seq + 1));
        fill(seq, kind, event, run, eventId, causationId, source, thread, createdAt, receivedAt, processedAt);
        return true;
    }

    private void fill(long seq, int kind, Object event, String run, long eventId, long causationId, String source,
                      String thread, long createdAt, long receivedAt, long processedAt) {
        int i = (int) seq & mask;
        flags[i] = kind;
        threads[i] = thread;
        events[i] = event;
        runs[i] = run;
        eventIds[i] = eventId;
        causationIds[i] = causationId;
        sources[i] = source;
        created[i] = createdAt;
        received[i] = receivedAt;
        processed[i] = processedAt;
        // Release store: the consumer's acquire read of published[i] makes every plain write above visible.
        published.lazySet(i, seq + 1);
    }

    /**
     * Waits until the writer has freed {@link #headroom} slots beyond {@code seq}'s, parking longer each time (up
     * to {@link #longestParkNanos}) rather than waking every few microseconds. Waking late does not idle the
     * writer: while this producer waits, the writer has most of the ring to drain before it reaches {@code seq}.
     */
    private void awaitSpace(long seq) {
        long start = System.nanoTime();
        int spins = 0;
        long park = Math.min(FIRST_PARK_NANOS, longestParkNanos);
        while (seq - consumedCell.get(CONSUMED) >= events.length - headroom) {
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(park);
                park = Math.min(park * 2, longestParkNanos);
            }
        }
        blockedNanos.addAndGet(System.nanoTime() - start);
    }

    /**
     * Hands every published slot, in order, to {@code reader} and frees it. Only the writer thread calls this.
     *
     * @return the number of events read
     */
    public int drain(SlotReader reader, int max) {
        long seq = consumedCell.get(CONSUMED);
        int n = 0;
        while (n < max) {
            int i = (int) seq & mask;
            if (published.get(i) != seq + 1) {
                break;
            }
            reader.read(flags[i], events[i], runs[i], eventIds[i], causationIds[i], sources[i], threads[i],
                    created[i], received[i], processed[i]);
            events[i] = null;
            seq++;
            n++;
            // Released after the slots are read (a producer that sees the new value may overwrite them), every
            // so many slots rather than each: every update sends the cell's cache line to the producers' cores.
            if ((n & (RELEASE_EVERY - 1)) == 0) {
                consumedCell.lazySet(CONSUMED, seq);
            }
        }
        if (n > 0) {
            consumedCell.lazySet(CONSUMED, seq);
        }
        return n;
    }

    /** Events appended but not yet drained. */
    public long pending() {
        return claimed.get() - consumedCell.get(CONSUMED);
    }

    public long blockedNanos() {
        return blockedNanos.get();
    }

    /** What the writer thread does with each slot. */
    public interface SlotReader {
        void read(int kind, Object event, String run, long eventId, long causationId, String source, String thread,
                  long createdAt, long receivedAt, long processedAt);
    }
}
