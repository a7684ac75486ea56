package dev.evtrace.agent.writer;

import dev.evtrace.agent.Config;
import dev.evtrace.agent.bootstrap.Clock;
import dev.evtrace.agent.bootstrap.EventRing;
import dev.evtrace.agent.bootstrap.Recording;
import dev.evtrace.agent.bootstrap.RunState;
import dev.evtrace.store.Delivery;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterCounters;
import dev.evtrace.store.WriterIds;
import dev.evtrace.store.WriterOptions;
import dev.evtrace.store.parquet.WriterWarmUp;
import dev.evtrace.store.sampling.SamplingOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The writer thread: drains the ring into the Parquet store. It opens the store as soon as it starts, so
 * Parquet and Hadoop load off the program's threads while the program starts, and a short program's exit
 * does not wait for them. If the store cannot be written, it says so once and keeps draining, counting the
 * loss, so the program never stalls on a broken disk.
 */
public final class StoreWriter implements Runnable, EventRing.SlotReader {
    private static final int BATCH = 4_096;
    /**
     * Enough rows for the writing code's classes to load and for C1 to compile it, too few for C2: at 40,000, C2
     * compiled the per-row methods from made-up rows in every traced JVM (a quarter of a second, all of it wasted
     * in a short run), and a long run compiles them anyway, from its own rows.
     */
    private static final int WARM_UP_ROWS = 4_000;
    private static final int PRIMING_RECORDS = 20_000;
    /**
     * How long the writer sleeps once it has drained the ring: 10 ms, ~650 of the reference sample's events. Waking
     * every millisecond for a few dozen rows cost the writer 7% more CPU (BENCHMARKS.md, session 26). A producer
     * that finds the ring full wakes it at once, and so does {@link #stop}.
     */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Config config;
    private final Recording recording;
    private final PrintStream stderr;
    private final Runnable onFirstEvent;
    private final RecentTypes types;
    private final EventTimes times;
    private final Payloads payloads;
    private final String writerId = WriterIds.newId();
    private final Map<RunState, long[]> reportedLoss = new HashMap<>();
    private final Map<String, RunSampler> samplers = new HashMap<>();
    private final RunSampler.Sink sink = new RunSampler.Sink() {
        @Override
        public void write(TracedEvent event) throws IOException {
            journal.append(event);
            store(event);
        }

        @Override
        public void write(Delivery delivery) throws IOException {
            journal.append(delivery);
            store(delivery);
        }
    };
    private final EncoderStage encoder = new EncoderStage(this::writeRow);
    /** Rows go to the encoder stage: the ring was more than half full, and has not been emptied since. */
    private boolean handing;
    private final Thread thread;
    private volatile boolean stopping;
    private EventDatasetWriter writer;
    /** tracer.store.journal: every row written since the files last completed, for recovery after a kill. */
    private WriterJournal journal;
    private boolean failed;
    private String storeError;
    private long dropped;
    private long lossMarkers;
    /** The writer's threads' CPU time when it completed the store, or -1 (not yet, or the JVM cannot tell). */
    private volatile long cpuNanos = -1;

    public StoreWriter(Config config, Recording recording, EventTypes types, PrintStream stderr, Runnable onFirstEvent) {
        this.config = config;
        this.recording = recording;
        this.types = new RecentTypes(types);
        this.stderr = stderr;
        this.journal = WriterJournal.none(stderr);
        this.onFirstEvent = onFirstEvent;
        Consumer<String> warn = message -> stderr.println("tracer: " + message);
        this.times = new EventTimes(config.eventTimestamp(), warn);
        this.payloads = new Payloads(config.payload());
        this.thread = new Thread(this, "tracer-writer");
        thread.setDaemon(true);
    }

    /** The thread {@link #start()} starts: the agent's start-up lets it load classes without waiting. */
    public Thread thread() {
        return thread;
    }

    public void start() {
        thread.start();
    }

    @Override
    public void run() {
        primeProducers();
        open();
        warmUp();
        EventRing ring = recording.ring();
        ring.consumer(thread);
        boolean announced = false;
        long nextRoll = System.currentTimeMillis() + config.rollMillis(journal.active());
        while (true) {
            // Behind by half the ring: the producers will soon wait, and the writer's speed becomes the run's
            // (see EventRing.catchUp), so it shares its work with the encoder stage until it has caught up.
            // A writer that keeps up is behind by a batch or two.
            boolean behind = ring.pending() > ring.capacity() / 2;
            if (behind && writer != null && !failed) {
                handing = true;
            }
            int n = behind ? ring.catchUp(this, BATCH) : ring.drain(this, BATCH);
            if (n > 0) {
                boundJournal();
            }
            if (n < BATCH) {
                settle();
            }
            long now = System.currentTimeMillis();
            if (now >= nextRoll) {
                roll();
                // A kill loses what was drained since the start of the last roll that completed: with rolls
                // every R ms taking d ms each, up to R + d. Starting the next one d ms early keeps it near R;
                // never more often than every R/2, so a slow disk does not make the writer roll without end.
                // R is asked again each time: a journal that failed no longer keeps what a kill would lose.
                long rollMillis = config.rollMillis(journal.active());
                long took = System.currentTimeMillis() - now;
                nextRoll = now + Math.max(rollMillis - took, rollMillis / 2);
            }
            if (n > 0 && !announced) {
                announced = true;
                onFirstEvent.run();
            }
            if (n < BATCH) {
                recordLoss();
            }
            if (n == 0) {
                if (stopping && ring.pending() == 0) {
                    break;
                }
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
        recordLoss();
        close();
        journal.awaitRecovery();
    }

    /** Drains what is left, completes every file and waits for it, at most {@code timeoutMillis}. */
    public void stop(long timeoutMillis) throws InterruptedException {
        stopping = true;
        LockSupport.unpark(thread);
        thread.join(timeoutMillis);
    }

    /**
     * Events written to the store (data-loss markers and sampled-out events not included). The store's writer
     * counts them, not this object: while the encoder stage writes, a count here would be a store from its thread
     * into the fields the writer thread reads for every row.
     */
    public long written() {
        return writer == null ? 0 : writer.written() - writer.lostEvents();
    }

    private long deliveriesWritten() {
        return writer == null ? 0 : writer.deliveriesWritten() - writer.lostDeliveries();
    }

    public String writerId() {
        return writerId;
    }

    /**
     * Has the JIT profile the producers' side of the ring as the program's later laps will use it (see
     * {@link EventRing#primeProfile}), before its first events: 20,000 records, ~20 ms of a cold JVM's CPU.
     */
    private static void primeProducers() {
        try {
            EventRing.primeProfile(PRIMING_RECORDS);
        } catch (RuntimeException | LinkageError e) {
            // Only how soon the program's methods reach their final compiled code depends on it.
        }
    }

    /** Readies the writing code before the program's first events, while the instrumentation installs. */
    private void warmUp() {
        if (writer == null) {
            return;
        }
        try {
            WriterWarmUp.run(WARM_UP_ROWS, () -> stopping || recording.ring().pending() > 0);
        } catch (IOException | RuntimeException | LinkageError e) {
            // Only the first events' speed depends on it.
        }
    }

    private void open() {
        try {
            WriterOptions options = new WriterOptions(writerId, config.rollEvents(),
                    Map.of("evtrace.writer", writerId));
            writer = new EventDatasetWriter(config.store(), options);
        } catch (IOException | RuntimeException | LinkageError e) {
            fail("cannot open store " + config.store(), e);
            return;
        }
        try {
            // An empty counters file now, while the store has room: on a disk that fills up, the counters at exit
            // (the record of what was lost) are then written over a file that holds its space, not into none.
            writer.writeMetadata(Map.of());
        } catch (IOException | RuntimeException e) {
            // The first write of the data will say what is wrong with the store.
        }
        if (config.journal()) {
            journal = WriterJournal.open(config.store(), writerId, stderr);
        }
    }

    @Override
    public void read(int kind, Object event, String run, long eventId, long causationId, String source, String thread,
                     long createdTicks, long receivedTicks, long processedTicks) {
        boolean delivery = (kind & EventRing.DELIVERY) != 0;
        long createdAt = Clock.micros(createdTicks);
        long receivedAt = Clock.micros(receivedTicks);
        long processedAt = Clock.micros(processedTicks);
        if (writer == null && !failed) {
            open();
        }
        if (failed) {
            if (!delivery) {
                dropped++;
            }
            return;
        }
        try {
            String type = types.typeOf(event, run, eventId);
            RunSampler sampler = config.sampleRate() < 1 ? samplers.computeIfAbsent(run, r -> newSampler()) : null;
            if (delivery) {
                Delivery row = new Delivery(run, eventId, type, source, thread, receivedAt, processedAt,
                        (kind & EventRing.THREW) != 0);
                if (sampler == null) {
                    sink.write(row);
                } else {
                    sampler.delivery(row);
                }
            } else {
                TracedEvent row = new TracedEvent(eventId, type, times.timeOf(event, createdAt), run, causationId, source,
                        createdAt, createdAt /* emitted: see EventRing */, receivedAt, processedAt, payloads.of(event),
                        TracedEvent.CURRENT_VERSION, eventId, "");
                if (sampler == null) {
                    sink.write(row);
                } else {
                    sampler.event(row);
                }
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            if (!delivery) {
                dropped++;
            }
            fail("cannot write to store " + config.store(), e);
        }
    }

    private RunSampler newSampler() {
        return new RunSampler(SamplingOptions.atRate(config.sampleRate()).withContext(config.sampleContext())
                .withCriticalTypes(config.critical()), sink);
    }

    /** Writes a marker row into each run that lost events since the last look, so readers see the gap. */
    private void recordLoss() {
        for (RunState run : recording.runs()) {
            long events = run.droppedCount();
            long deliveryCount = run.droppedDeliveryCount();
            long[] reported = reportedLoss.computeIfAbsent(run, r -> new long[2]);
            if (events == reported[0] && deliveryCount == reported[1]) {
                continue;
            }
            Map<String, String> data = new LinkedHashMap<>();
            data.put("dropped_events", Long.toString(events - reported[0]));
            data.put("dropped_deliveries", Long.toString(deliveryCount - reported[1]));
            data.put("dropped_events_total", Long.toString(events));
            data.put("reason", "ring buffer full (tracer.overflow=drop)");
            reported[0] = events;
            reported[1] = deliveryCount;
            long now = Clock.micros();
            long id = -(++lossMarkers);
            try {
                if (!failed) {
                    TracedEvent marker = new TracedEvent(id, TracedEvent.DATA_LOSS, now, run.correlationId(),
                            TracedEvent.ABSENT, "tracer", now, now, TracedEvent.ABSENT, TracedEvent.ABSENT, data,
                            TracedEvent.CURRENT_VERSION, id, "");
                    // Journaled like any row: a kill must not take the record of a loss with it.
                    journal.append(marker);
                    store(marker);
                }
            } catch (IOException | RuntimeException e) {
                fail("cannot write to store " + config.store(), e);
            }
        }
    }

    /**
     * Completes every open file (tracer.store.roll.seconds): a crash loses at most what was written since,
     * as files still being written are never visible and never half read.
     */
    private void roll() {
        if (writer == null || failed) {
            return;
        }
        settle();
        if (failed) {
            return;
        }
        try {
            writer.flush();
            journal.checkpoint(writer);
        } catch (IOException | RuntimeException e) {
            fail("cannot complete the store's files in " + config.store(), e);
        }
    }

    /**
     * Keeps the journal within its bound, once a batch of rows rather than after each: the branch is taken once
     * in seconds, and C2, which compiles the per-row code from a profile where it never was, threw that code
     * away (64 KB of it, 0.07 to 0.27 s of C2 a compilation) the first time it was.
     */
    private void boundJournal() {
        if (writer == null || failed || !journal.overBound()) {
            return;
        }
        settle();
        if (failed) {
            return;
        }
        try {
            journal.afterBatch(writer);
        } catch (IOException | RuntimeException e) {
            fail("cannot complete the store's files in " + config.store(), e);
        }
    }

    /** Completes the files and writes the counters beside the data. */
    private void close() {
        if (writer == null) {
            return;
        }
        settle();
        cpuNanos = cpuNanosWithEncoder();
        if (failed) {
            writeCountersQuietly();
            return;
        }
        try {
            for (RunSampler sampler : samplers.values()) {
                sampler.flush();
            }
            writer.close();
            journal.delete();
            writer.writeMetadata(counters());
        } catch (IOException | RuntimeException e) {
            fail("cannot complete the store's files in " + config.store(), e);
        }
    }

    /** The agent's own counters, as written to {@code _meta/<writer>.properties}. */
    public Map<String, String> counters() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("published", Long.toString(recording.published()));
        c.put("written", Long.toString(written()));
        c.put("deliveries_written", Long.toString(deliveriesWritten()));
        c.put("dropped", Long.toString(droppedTotal()));
        c.put("blocked_ms", Long.toString(TimeUnit.NANOSECONDS.toMillis(recording.ring().blockedNanos())));
        c.put("encoder_rows", Long.toString(encoder.handedRows()));
        if (cpuNanos >= 0) {
            c.put("writer_cpu_ms", Long.toString(TimeUnit.NANOSECONDS.toMillis(cpuNanos)));
        }
        c.put("runs", Integer.toString(recording.runs().size()));
        for (RunState run : recording.runs()) {
            if (run.published() > 0) {
                c.put(WriterCounters.publishedKey(run.correlationId()), Long.toString(run.published()));
            }
        }
        if (storeError != null) {
            c.put("store_error", storeError);
        }
        if (config.sampleRate() < 1) {
            c.put("sample_rate", Double.toString(config.sampleRate()));
            samplers.forEach((run, sampler) -> sampler.sampledOutByType().forEach(
                    (type, n) -> c.put(WriterCounters.sampledOutKey(run, type), Long.toString(n))));
        }
        return c;
    }

    /**
     * The CPU time the writer's threads used (its encoder stage's included), from the start to the store's
     * completion (the last files written then), or -1 before that or where the JVM does not measure a thread's
     * CPU: what tracing cost this run beside the program's threads, apart from the JIT compiling the writer's code.
     */
    public long cpuNanos() {
        return cpuNanos;
    }

    /** Ends the encoder stage's thread, if it ever ran: the CPU time of both the writer's threads, or -1. */
    private long cpuNanosWithEncoder() {
        long own = ownCpuNanos();
        try {
            encoder.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return own;
        }
        long encoderNanos = encoder.cpuNanos();
        return own < 0 || encoderNanos < 0 ? -1 : own + encoderNanos;
    }

    /** Where the row goes from the writer thread: to the encoder stage while handing, else into the files. */
    private void store(Object row) throws IOException {
        if (handing) {
            encoder.add(row);
        } else {
            writeRow(row);
        }
    }

    /** Puts a row in the files: on the writer thread, or on the encoder stage's while handing. */
    private void writeRow(Object row) throws IOException {
        if (row instanceof TracedEvent event) {
            writer.write(event);
        } else {
            writer.write((Delivery) row);
        }
    }

    /**
     * Waits until the rows handed to the encoder stage are in the files, so that the writer thread may touch the
     * store again (to write, roll or close it); an error the stage met fails the store as if met here.
     */
    private void settle() {
        if (!handing) {
            return;
        }
        handing = false;
        encoder.awaitIdle();
        dropped += encoder.takeUnwrittenEvents();
        Throwable error = encoder.error();
        if (error != null) {
            fail("cannot write to store " + config.store(), error);
        }
    }

    static long ownCpuNanos() {
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        } catch (RuntimeException | LinkageError e) {
            return -1; // a runtime image without java.management
        }
    }

    /** Events the smart sampler left out (tracer.sample.rate below 1). */
    public long sampledOut() {
        long n = 0;
        for (RunSampler sampler : samplers.values()) {
            for (long count : sampler.sampledOutByType().values()) {
                n += count;
            }
        }
        return n;
    }

    /** Events that never reached the store: refused by a full ring, or lost to a store error. */
    public long droppedTotal() {
        long n = dropped;
        for (RunState run : recording.runs()) {
            n += run.droppedCount();
        }
        return n;
    }

    private void fail(String what, Throwable e) {
        if (failed) {
            return;
        }
        failed = true;
        settle();
        storeError = what + ": " + e;
        stderr.println("tracer: " + storeError + "; events are dropped from now on");
        journal.delete();
        if (writer != null) {
            salvage();
        }
    }

    /**
     * After a store error: completes the open files that still can be (a full disk may have room for a footer
     * and nothing more), deletes the rest, and moves their rows from written to dropped, so the counts at exit
     * and in {@code _meta} say what a reader will find.
     */
    private void salvage() {
        try {
            writer.flush();
        } catch (IOException | RuntimeException e) {
            // Each file that could not be completed was abandoned, and its rows counted as lost.
        }
        writer.abandon();
        dropped += writer.lostEvents();
        writeCountersQuietly();
    }

    /** The counters beside the data, if the store takes them: after an error they are the record of the loss. */
    private void writeCountersQuietly() {
        try {
            writer.writeMetadata(counters());
        } catch (IOException | RuntimeException e) {
            // The exit line on stderr has the same counts.
        }
    }
}
