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
 *
 * <p>An event's record may carry up to {@link #MAX_INLINE} deliveries of it (handlers that ran inside its
 * publish, on its thread), two to each slot after its own: one claim and one publication for the event and
 * its handlers, where a record each cost a claim, a slot's worth of stores and a release each.
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
    /** A continuation slot's words: each delivery's received and processed moments, two deliveries a slot. */
    private static final int DELIVERY_WORDS = 2;
    /**
     * The mark is (seq + 1) shifted past the record's kind bits: one release store publishes both. The kind
     * bits hold the record's kind ({@link #DELIVERY}, {@link #THREW}), then how many deliveries it carries, then
     * which of those threw.
     */
    private static final int KIND_BITS = 12;
    private static final long KIND_MASK = (1 << KIND_BITS) - 1;
    private static final int OWN_KIND_MASK = 3;
    private static final int INLINE_SHIFT = 2;
    private static final int INLINE_MASK = 7;
    private static final int INLINE_THREW_SHIFT = 5;

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
    /** The most deliveries an event's record carries (more than 7 would not fit the mark's bits). */
    public static final int MAX_INLINE = 4;

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
    /** The consumer's thread, which parks for a while when it has drained everything: a full ring wakes it. */
    private volatile Thread consumer;

    /** @param capacity slots, a power of two: at least 3 for records that carry {@link #MAX_INLINE} deliveries */
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

    /** Names the thread that drains the ring, for a producer that finds it full to wake. */
    public void consumer(Thread thread) {
        consumer = thread;
    }

    /**
     * Appends one record, waiting for space when the writer is behind. {@code source} is a name, or a handler's
     * class, which {@link #drain} names on the writer's thread (see {@link SourceNames}). An event's record may
     * carry {@code inline} of its deliveries (0 for none, and {@code sources} and {@code times} unread): the i-th's
     * handler (a source, as above) at {@code sources[from + i]}, its received and processed moments at {@code
     * times[2 * (from + i)]} and the next, and bit i of {@code threw} set if it threw. The reader gets each
     * delivery as a record of its own, before the event's.
     */
    public void put(int kind, Object event, String run, long eventId, long causationId, Object source, String thread,
                    long createdAt, long receivedAt, long processedAt, Object[] sources, long[] times, int from,
                    int inline, int threw) {
        int slots = slots(inline);
        long seq = claimed.getAndAdd(slots);
        long last = seq + slots - 1;
        if (last - (long) CONSUMED_SEEN.getOpaque(this) > mask) {
            lookAgain(last);
        }
        fill(seq, kind, event, run, eventId, causationId, source, thread, createdAt, receivedAt, processedAt, sources,
                times, from, inline, threw);
    }

    /**
     * The ring seemed full to the producers' last look at the consumer: looks again, and waits if it is. Apart
     * from {@link #put}, so that the JIT's one trap that only a full ring takes is this method's.
     */
    private void lookAgain(long last) {
        long consumed = consumedCell.get(CONSUMED);
        CONSUMED_SEEN.setOpaque(this, consumed);
        if (last - consumed > mask) {
            awaitSpace(last);
        }
    }

    /**
     * Appends one record, as {@link #put} takes it, if there is room for all its slots now, else returns false at
     * once: a claim is only taken when the slots are free, so a refused record never holds up the ones behind it.
     */
    public boolean offer(int kind, Object event, String run, long eventId, long causationId, Object source, String thread,
                         long createdAt, long receivedAt, long processedAt, Object[] sources, long[] times, int from,
                         int inline, int threw) {
        int slots = slots(inline);
        long seq;
        do {
            seq = claimed.get();
            if (seq + slots - 1 - consumedCell.get(CONSUMED) > mask) {
                return false;
            }
        } while (!claimed.compareAndSet(seq, seq + slots));
        fill(seq, kind, event, run, eventId, causationId, source, thread, createdAt, receivedAt, processedAt, sources,
                times, from, inline, threw);
        return true;
    }

    /** The slots a record with {@code inline} deliveries takes: its own, and one for every two deliveries. */
    private static int slots(int inline) {
        return 1 + (inline + 1) / 2;
    }

    /**
     * Writes a record's deliveries into the slots after {@code seq}'s, before the record's mark publishes them.
     * Their own marks are left as they are: the reader knows these slots from the record's, and an older mark
     * never matches a later sequence.
     */
    private void fillDeliveries(long seq, Object[] sources, long[] times, int from, int inline) {
        for (int i = 0; i < inline; i++) {
            int slot = (int) (seq + 1 + i / 2) & mask;
            int w = slot * WORDS + 1 + (i & 1) * DELIVERY_WORDS;
            int r = slot * REFS + (i & 1);
            Object source = sources[from + i];
            if (refs[r] != source) {
                refs[r] = source;
            }
            words[w] = times[2 * (from + i)];
            words[w + 1] = times[2 * (from + i) + 1];
        }
    }

    private void fill(long seq, int kind, Object event, String run, long eventId, long causationId, Object source,
                      String thread, long createdAt, long receivedAt, long processedAt, Object[] sources, long[] times,
                      int from, int inline, int threw) {
        if (inline > 0) {
            fillDeliveries(seq, sources, times, from, inline);
        }
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
        WORD.setRelease(words, w + MARK, (seq + 1) << KIND_BITS | kind | inline << INLINE_SHIFT
                | threw << INLINE_THREW_SHIFT);
    }

    /**
     * Waits until the writer has freed {@link #headroom} slots beyond {@code seq}'s, parking longer each time (up
     * to {@link #longestParkNanos}) rather than waking every few microseconds. Waking late does not idle the
     * writer: while this producer waits, the writer has most of the ring to drain before it reaches {@code seq}.
     */
    private void awaitSpace(long seq) {
        long start = System.nanoTime();
        Thread writer = consumer;
        if (writer != null) {
            LockSupport.unpark(writer);
        }
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
     * @return the number of records read, each delivery an event's record carries counted as one
     */
    public int drain(SlotReader reader, int max) {
        long seq = consumedCell.get(CONSUMED);
        long released = seq;
        int n = 0;
        for (int read; n < max && (read = drainSlot(reader, seq)) > 0; n += read) {
            seq += 1 + read / 2;
            released = drainReleased(released, seq, false);
        }
        drainReleased(released, seq, true);
        return n;
    }

    /**
     * {@link #drain}, for a writer that has fallen behind. The agent keeps C2 off {@code drain*} along with the
     * writer's code (it inlines that code), so that a writer that keeps up runs C1's code and spares the program
     * C2's seconds of compiling it. This twin is not kept off: once a writer has been behind for tens of thousands
     * of events, C2 compiles it with the writer's code inlined, and the writer catches up at C2's speed.
     */
    public int catchUp(SlotReader reader, int max) {
        long seq = consumedCell.get(CONSUMED);
        long released = seq;
        int n = 0;
        for (int read; n < max && (read = drainSlot(reader, seq)) > 0; n += read) {
            seq += 1 + read / 2;
            released = drainReleased(released, seq, false);
        }
        drainReleased(released, seq, true);
        return n;
    }

    /**
     * Reads the record at {@code seq}, if published: its deliveries first (they ended before it did), then the
     * record itself.
     *
     * @return the records read (the record's deliveries and itself), 0 if it is not published yet
     */
    private int drainSlot(SlotReader reader, long seq) {
        int slot = (int) seq & mask;
        int w = slot * WORDS;
        long mark = (long) WORD.getAcquire(words, w + MARK);
        if (mark >>> KIND_BITS != seq + 1) {
            return 0;
        }
        int kind = (int) (mark & KIND_MASK);
        int inline = kind >>> INLINE_SHIFT & INLINE_MASK;
        int r = slot * REFS;
        Object event = refs[r + EVENT];
        String run = (String) refs[r + RUN];
        String thread = (String) refs[r + THREAD];
        long eventId = words[w + EVENT_ID];
        for (int i = 0; i < inline; i++) {
            int c = (int) (seq + 1 + i / 2) & mask;
            int cw = c * WORDS + 1 + (i & 1) * DELIVERY_WORDS;
            int threw = (kind >>> INLINE_THREW_SHIFT + i & 1) != 0 ? THREW : 0;
            long received = words[cw];
            reader.read(DELIVERY | threw, event, run, eventId, 0, SourceNames.name(refs[c * REFS + (i & 1)]), thread,
                    received, received, words[cw + 1]);
        }
        reader.read(kind & OWN_KIND_MASK, event, run, eventId, words[w + CAUSATION_ID],
                SourceNames.name(refs[r + SOURCE]), thread, words[w + CREATED], words[w + RECEIVED],
                words[w + PROCESSED]);
        refs[r + EVENT] = null;
        return inline + 1;
    }

    /**
     * Frees the slots before {@code seq}, after they are read (a producer that sees the new value may overwrite
     * them): every so many slots and at the end rather than each, as every update sends the cell's cache line to
     * the producers' cores.
     *
     * @return the sequence freed up to now: {@code seq}, or {@code released} if this was not the time
     */
    private long drainReleased(long released, long seq, boolean last) {
        if (last ? seq != released : seq - released >= RELEASE_EVERY) {
            consumedCell.lazySet(CONSUMED, seq);
            return seq;
        }
        return released;
    }

    /**
     * Puts {@code records} records through a scratch ring of a few slots, freeing each as it goes, so that the
     * JIT's profile of {@link #put} holds what a ring's later laps do. C2 compiles put and fill into the program's
     * methods from that profile. On a ring's first lap every slot's references are null and no claim passes the
     * producers' last look at the consumer, so a profile taken then has the other outcomes of those branches
     * never taken; the first records of the second lap then threw the compiled program methods away, and the
     * program ran their slow profiling code again until C2 had compiled them a second time (BENCHMARKS.md,
     * session 20: the sample's {@code Portfolio.handle}, 45 KB of code). The writer thread calls this at its
     * start, before the program's first events.
     */
    public static void primeProfile(int records) {
        EventRing ring = new EventRing(16);
        String[] names = {"prime-a", "prime-b"};
        Object[] sources = {String.class, Object.class, String.class, Object.class};
        long[] times = new long[2 * MAX_INLINE];
        for (int i = 0; i < records; i++) {
            // Each reference stays a while, then changes: a slot sometimes holds it from a lap before, sometimes not.
            ring.put(0, ring, names[i >> 5 & 1], i, i - 1, sources[i >> 4 & 1], names[i >> 6 & 1], i, i, i,
                    sources, times, 0, i % (MAX_INLINE + 1), 0);
            ring.consumedCell.lazySet(CONSUMED, ring.claimed.get());
        }
    }

    /** Slots claimed but not yet drained (a record takes one, and one more for every two deliveries it carries). */
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
