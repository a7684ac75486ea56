package dev.evtrace.agent.writer;

import dev.evtrace.store.Delivery;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer's second stage, for while it is behind: the writer thread drains the ring, builds and journals the
 * rows and hands them here in batches, and this thread puts them in the store's files (the columns, the pages, the
 * compression: about half the writer's work). Two cores then share what one thread did alone. A writer that keeps
 * up never starts it, as a second runnable thread would only take turns on the cores with the program's.
 *
 * <p>One thread at a time touches the store's writer: this one between {@link #add} and {@link #awaitIdle}, the
 * writer thread otherwise. The hand-over's queue and the volatile count of batches done order the two.
 */
final class EncoderStage implements Runnable {
    /** What puts a row (a TracedEvent or a Delivery) in the store's files. */
    interface Rows {
        void write(Object row) throws IOException;
    }

    static final int BATCH_ROWS = 1_024;
    /**
     * Batches on their way: enough to smooth the two stages' pace, few enough to keep the heap flat (32,768 rows,
     * ~3 MB on the reference sample). With 8, the stage finishing a batch woke a writer thread blocked on the full
     * queue while the producers waited for the ring: one core idle 13 to 25% of a parallel sweep's writing; with
     * 32, the same CPU, the sweep 0.18 s of 7 shorter (BENCHMARKS.md, session 28). No further gain at 64, nor from
     * larger batches.
     */
    private static final int QUEUED = 32;
    private static final Object[] STOP = {};
    private static final long WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final Rows rows;
    private final ArrayBlockingQueue<Object[]> full = new ArrayBlockingQueue<>(QUEUED);
    private Thread thread;
    private Object[] batch;
    private int size;
    private long handed;
    private long handedRows;
    private volatile long done;
    private volatile Throwable error;
    /** Events (not deliveries) handed over after the error, which never reached the files. */
    private volatile long unwrittenEvents;
    private volatile long cpuNanos = -1;

    EncoderStage(Rows rows) {
        this.rows = rows;
    }

    /** Queues a row, handing the batch over when it is full. The writer thread only. */
    void add(Object row) {
        if (batch == null) {
            // A new array each time: storing young rows into a batch that had grown old took G1's slow
            // write barrier for every row (3% of the writer thread).
            batch = new Object[BATCH_ROWS];
        }
        batch[size++] = row;
        if (size == batch.length) {
            handBatch();
        }
    }

    /** Hands over the rows queued so far and waits until every row handed over is written (or lost to an error). */
    void awaitIdle() {
        if (size > 0) {
            handBatch();
        }
        while (done != handed) {
            LockSupport.parkNanos(WAIT_NANOS);
        }
    }

    /** Rows handed over so far, those still queued in the writer thread's batch not included. */
    long handedRows() {
        return handedRows;
    }

    /** The error that stopped the stage, once {@link #awaitIdle} returned; null if none. */
    Throwable error() {
        return error;
    }

    /** Events handed over after the error, which never reached the files, counted once: {@link #awaitIdle} first. */
    long takeUnwrittenEvents() {
        long n = unwrittenEvents;
        unwrittenEvents = 0;
        return n;
    }

    /** The stage's thread's CPU time once stopped, 0 if it never ran, -1 where the JVM cannot tell. */
    long cpuNanos() {
        return thread == null ? 0 : cpuNanos;
    }

    /** Waits for what was handed over, then ends the thread. */
    void stop() throws InterruptedException {
        awaitIdle();
        if (thread != null) {
            full.put(STOP);
            thread.join();
        }
    }

    private void handBatch() {
        if (thread == null) {
            thread = new Thread(this, "tracer-writer-encoder");
            thread.setDaemon(true);
            thread.start();
        }
        Object[] handedBatch = size == batch.length ? batch : Arrays.copyOf(batch, size);
        batch = null;
        handedRows += size;
        size = 0;
        handed++;
        // Rows once handed are never dropped: an interrupt is kept for later, not obeyed here.
        boolean interrupted = false;
        while (true) {
            try {
                full.put(handedBatch);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                Object[] rowsHanded = full.take();
                if (rowsHanded == STOP) {
                    break;
                }
                write(rowsHanded);
                done++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cpuNanos = StoreWriter.ownCpuNanos();
    }

    /**
     * Touches none of this object's fields row by row: the writer thread stores into them (the batch, its size)
     * for every row it queues, and a cache line both threads use for every row moves between their cores each time.
     */
    private void write(Object[] rowsHanded) {
        Rows out = rows;
        Throwable failed = error;
        long unwritten = 0;
        for (Object row : rowsHanded) {
            if (failed == null) {
                try {
                    out.write(row);
                    continue;
                } catch (IOException | RuntimeException | Error e) {
                    // Any error, even the heap's: a stage that died would leave the writer thread waiting for it.
                    failed = e;
                }
            }
            if (!(row instanceof Delivery)) {
                unwritten++;
            }
        }
        if (failed != null) {
            error = failed;
            unwrittenEvents += unwritten;
        }
    }
}
