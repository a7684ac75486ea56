package dev.evtrace.agent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded many-producer, one-consumer ring of preallocated slots (primitives and references in two arrays,
 * no object per event). Producers claim a sequence, wait while the ring is full (a backtest prefers waiting to
 * losing events), fill the slot and publish it; the writer thread reads slots in sequence order.
 *
 * <p>A slot is one row of {@link #WORDS} longs and one row of {@link #REFS} references, side by side in two
 * arrays: a put writes two short runs of adjacent memory, and the writer finds the publication mark in the
 * cache line that holds the slot's numbers. (Eleven arrays of one field each made every put store into eleven
 * cache lines of eleven pages, each last read by the writer's core.)
 */
public final class EventRing {
    // 16 longs = 128 bytes on each side of the cell: no other data on its cache line or the adjacent one.
    private static final int CONSUMED = 16;
    private static final int RELEASE_EVERY = 64;
    private static final long FIRST_PARK_NANOS = 10_000;
    private static final VarHandle CONSUMED_SEEN;
    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);

    /** A slot's longs: its publication mark, then the record's ids and moments (in {@link Clock#ticks()}). */
    private static final int WORDS = 6;
    private static final int MARK = 0;
    private static final int EVENT_ID = 1;
    private static final int CAUSATION_ID = 2;
    // No emitted word: publish hands an event to its bus as it creates it, so emitted is always created.
    private static final int CREATED = 3;
    private static final int RECEIVED = 4;
    private static final int PROCESSED = 5;
    /** A slot's references. */
    private static final int REFS = 4;
    private static final int EVENT = 0;
    private static final int RUN = 1;
    private static final int SOURCE = 2;
    private static final int THREAD = 3;
    /** The mark is (seq + 1) shifted past the record's kind bits: one release store publishes both. */
    private static final int KIND_BITS = 2;
    private static final long KIND_MASK = (1 << KIND_BITS) - 1;

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
    private final long[] words;
    private final Object[] refs;
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
        words = new long[capacity * WORDS];
        refs = new Object[capacity * REFS];
    }

    public int capacity() {
        return mask + 1;
    }

    /**
     * Appends one record, waiting for space when the writer is behind. {@code source} is a name, or a handler's
     * class, which {@link #drain} names on the writer's thread (see {@link SourceNames}).
     */
    public void put(int kind, Object event, String run, long eventId, long causationId, Object source, String thread,
                    long createdAt, long receivedAt, long processedAt) {
        long seq = claimed.getAndIncrement();
        if (seq - (long) CONSUMED_SEEN.getOpaque(this) > mask) {
            long consumed = consumedCell.get(CONSUMED);
            CONSUMED_SEEN.setOpaque(this, consumed);
            if (seq - consumed > mask) {
                awaitSpace(seq);
            }
        }
        fill(seq, kind, event, run, eventId, causationId, source, thread, createdAt, receivedAt, processedAt);
    }

    /**
     * Appends one record if there is room now, else returns false at once: a claim is only taken when a slot is
     * free, so a refused record never holds up the ones behind it.
     */
    public boolean offer(int kind, Object event, String run, long eventId, long causationId, Object source, String thread,
                         long createdAt, long receivedAt, long processedAt) {
        long seq;
        do {
            seq = claimed.get();
            if (seq - consumedCell.get(CONSUMED) > mask) {
                return false;
            }
        } while (!claimed.compareAndSet(seq, seq + 1));
        fill(seq, kind, event, run, eventId, causationId, source, thread, createdAt, receivedAt, processedAt);
        return true;
    }

    private void fill(long seq, int kind, Object event, String run, long eventId, long causationId, Object source,
                      String thread, long createdAt, long receivedAt, long processedAt) {
        int slot = (int) seq & mask;
        int w = slot * WORDS;
        int r = slot * REFS;
        refs[r + EVENT] = event;
        // Stored only when they differ from what the slot held a lap before (a thread's name and run mostly do
        // not): storing a reference into this long-lived array costs G1's write barrier a StoreLoad fence.
        if (refs[r + RUN] != run) {
            refs[r + RUN] = run;
        }
        if (refs[r + SOURCE] != source) {
            refs[r + SOURCE] = source;
        }
        if (refs[r + THREAD] != thread) {
            refs[r + THREAD] = thread;
        }
        words[w + EVENT_ID] = eventId;
        words[w + CAUSATION_ID] = causationId;
        words[w + CREATED] = createdAt;
        words[w + RECEIVED] = receivedAt;
        words[w + PROCESSED] = processedAt;
        // Release store: the consumer's acquire read of the mark makes every plain write above visible.
        WORD.setRelease(words, w + MARK, (seq + 1) << KIND_BITS | kind);
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
        while (seq - consumedCell.get(CONSUMED) > mask - headroom) {
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
        long start = consumedCell.get(CONSUMED);
        int n = 0;
        while (n < max && drainSlot(reader, start + n)) {
            n++;
            drainReleased(start, n, false);
        }
        return drainReleased(start, n, true);
    }

    /**
     * {@link #drain}, for a writer that has fallen behind. The agent keeps C2 off {@code drain*} along with the
     * writer's code (it inlines that code), so that a writer that keeps up runs C1's code and spares the program
     * C2's seconds of compiling it. This twin is not kept off: once a writer has been behind for tens of thousands
     * of events, C2 compiles it with the writer's code inlined, and the writer catches up at C2's speed.
     */
    public int catchUp(SlotReader reader, int max) {
        long start = consumedCell.get(CONSUMED);
        int n = 0;
        while (n < max && drainSlot(reader, start + n)) {
            n++;
            drainReleased(start, n, false);
        }
        return drainReleased(start, n, true);
    }

    private boolean drainSlot(SlotReader reader, long seq) {
        int slot = (int) seq & mask;
        int w = slot * WORDS;
        long mark = (long) WORD.getAcquire(words, w + MARK);
        if (mark >>> KIND_BITS != seq + 1) {
            return false;
        }
        int r = slot * REFS;
        reader.read((int) (mark & KIND_MASK), refs[r + EVENT], (String) refs[r + RUN], words[w + EVENT_ID],
                words[w + CAUSATION_ID], SourceNames.name(refs[r + SOURCE]), (String) refs[r + THREAD],
                words[w + CREATED], words[w + RECEIVED], words[w + PROCESSED]);
        refs[r + EVENT] = null;
        return true;
    }

    /**
     * Frees the first {@code n} slots from {@code start}, after they are read (a producer that sees the new value
     * may overwrite them): every so many slots and at the end rather than each, as every update sends the cell's
     * cache line to the producers' cores.
     *
     * @return {@code n}
     */
    private int drainReleased(long start, int n, boolean last) {
        if (last ? n > 0 : (n & (RELEASE_EVERY - 1)) == 0) {
            consumedCell.lazySet(CONSUMED, start + n);
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
