package dev.evtrace.benchmarks.bus;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;

import dev.evtrace.agent.bootstrap.EventRing;
import dev.evtrace.agent.bootstrap.Recording;
import dev.evtrace.agent.bootstrap.Tracer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.StubMethod;

/**
 * Stands in for the agent's writer thread: drains the ring in batches and parks when it is empty, as the
 * writer does, but drops the slots instead of writing Parquet, so the ring never fills and the benchmark
 * measures the publishing thread alone.
 */
public final class RingDrainer implements Runnable {
    private static final int BATCH = 4_096;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final EventRing ring;
    private final EventRing.SlotReader discard;
    private final Thread thread;
    private volatile boolean stopping;
    private long drained;

    /** Starts the advice recording into a new ring of {@code slots}, which the drainer returned drains. */
    public static RingDrainer recording(int slots) {
        EventRing ring = new EventRing(slots);
        Tracer.start(new Recording("benchmark", ring));
        return new RingDrainer(ring);
    }

    public RingDrainer(EventRing ring) {
        this.ring = ring;
        this.discard = discardingReader();
        this.thread = new Thread(this, "ring-drainer");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Drains every published slot on the calling thread, for a ring whose drainer thread was never started. */
    public int drainHere() {
        return ring.drain(discard, Integer.MAX_VALUE);
    }

    /** Drains what is left and returns the number of slots drained in all. */
    public long stop() throws InterruptedException {
        stopping = true;
        thread.join();
        // join() orders the drainer's last write of drained before this read.
        return drained;
    }

    /**
     * Stops the recording and the drainer and prints what it drained and how long the publisher waited for
     * buffer space (it should be 0: a writer stand-in that did not keep up puts the waiting into the score).
     *
     * @return the slots drained in all
     */
    public long finish() throws InterruptedException {
        Tracer.start(null);
        long n = stop();
        System.out.printf(Locale.ROOT, "%nring: %d records drained, %d ms waiting for buffer space%n", n,
                TimeUnit.NANOSECONDS.toMillis(ring.blockedNanos()));
        return n;
    }

    @Override
    public void run() {
        while (true) {
            int n = ring.drain(discard, BATCH);
            drained += n;
            if (n == 0) {
                if (stopping && ring.pending() == 0) {
                    return;
                }
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
    }

    /**
     * A reader whose {@code read} does nothing, generated rather than written so that it fits whatever
     * columns the agent's slots have this week.
     */
    private static EventRing.SlotReader discardingReader() {
        try {
            return new ByteBuddy()
                    .subclass(EventRing.SlotReader.class)
                    .method(isAbstract()).intercept(StubMethod.INSTANCE)
                    .make()
                    .load(EventRing.SlotReader.class.getClassLoader())
                    .getLoaded()
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a slot reader", e);
        }
    }
}
