package dev.evtrace.agent.writer;

import dev.evtrace.agent.Config;
import dev.evtrace.agent.bootstrap.EventRing;
import dev.evtrace.agent.bootstrap.Recording;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterIds;
import dev.evtrace.store.WriterOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The writer thread: drains the ring into the Parquet store. It opens the store itself, so Parquet and
 * Hadoop load off the program's threads. If the store cannot be written, it says so once and keeps draining,
 * counting the loss, so the program never stalls on a broken disk.
 */
public final class StoreWriter implements Runnable, EventRing.SlotReader {
    private static final int BATCH = 4_096;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Config config;
    private final Recording recording;
    private final PrintStream stderr;
    private final Runnable onFirstEvent;
    private final EventTypes types;
    private final Payloads payloads;
    private final Thread thread;
    private volatile boolean stopping;
    private EventDatasetWriter writer;
    private boolean failed;
    private long written;
    private long dropped;

    public StoreWriter(Config config, Recording recording, PrintStream stderr, Runnable onFirstEvent) {
        this.config = config;
        this.recording = recording;
        this.stderr = stderr;
        this.onFirstEvent = onFirstEvent;
        Consumer<String> warn = message -> stderr.println("tracer: " + message);
        this.types = new EventTypes(config.eventType(), warn);
        this.payloads = new Payloads(config.payload());
        this.thread = new Thread(this, "tracer-writer");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    @Override
    public void run() {
        open();
        EventRing ring = recording.ring();
        boolean announced = false;
        while (true) {
            int n = ring.drain(this, BATCH);
            if (n > 0 && !announced) {
                announced = true;
                onFirstEvent.run();
            }
            if (n == 0) {
                if (stopping && ring.pending() == 0) {
                    break;
                }
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
        close();
    }

    /** Drains what is left, completes every file and waits for it, at most {@code timeoutMillis}. */
    public void stop(long timeoutMillis) throws InterruptedException {
        stopping = true;
        thread.join(timeoutMillis);
    }

    public long written() {
        return written;
    }

    public long dropped() {
        return dropped;
    }

    private void open() {
        try {
            WriterOptions options = new WriterOptions(WriterIds.newId(), config.rollEvents(),
                    Map.of("evtrace.correlation_id", recording.correlationId()));
            writer = new EventDatasetWriter(config.store(), options);
        } catch (IOException | RuntimeException | LinkageError e) {
            fail("cannot open store " + config.store(), e);
        }
    }

    @Override
    public void read(Object event, String run, long eventId, long causationId, String source,
                     long createdAt, long emittedAt, long receivedAt, long processedAt) {
        if (failed) {
            dropped++;
            return;
        }
        try {
            String type = types.typeOf(event);
            writer.write(new TracedEvent(eventId, type, createdAt, run, causationId, source,
                    createdAt, emittedAt, receivedAt, processedAt, payloads.of(event),
                    TracedEvent.CURRENT_VERSION, eventId, ""));
            written++;
        } catch (IOException | RuntimeException | LinkageError e) {
            dropped++;
            fail("cannot write to store " + config.store(), e);
        }
    }

    private void close() {
        if (writer == null || failed) {
            return;
        }
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            fail("cannot complete the store's files in " + config.store(), e);
        }
    }

    private void fail(String what, Throwable e) {
        if (!failed) {
            failed = true;
            stderr.println("tracer: " + what + ": " + e + "; events are dropped from now on");
        }
    }
}
