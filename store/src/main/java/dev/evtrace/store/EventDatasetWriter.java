package dev.evtrace.store;

import dev.evtrace.store.parquet.HadoopFiles;
import dev.evtrace.store.parquet.PartitionedWriter;
import dev.evtrace.store.parquet.StoreOutput;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.hadoop.fs.Path;

/**
 * Appends to a store: events to {@code events/date=…/type=…/}, handler deliveries to
 * {@code deliveries/date=…/}. Every file is written under a temporary name and renamed when complete, so
 * readers only ever see whole files. Not thread-safe: one writer thread owns it.
 */
public final class EventDatasetWriter implements Closeable {
    private final Path location;
    private final StoreOutput output;
    private final WriterOptions options;
    private final PartitionedWriter<TracedEvent> events;
    private final PartitionedWriter<Delivery> deliveries;
    private final Map<String, RunPartitions> runs = new HashMap<>();
    /**
     * The runs rows came from lately, by the identity of their id strings: a parallel sweep interleaves a few
     * runs row by row, and a look-up in the map for each row was 4% of the writer's thread.
     */
    private final RecentKeys<RunPartitions> recentRuns = new RecentKeys<>();

    public EventDatasetWriter(String location, WriterOptions options) throws IOException {
        this.location = HadoopFiles.path(location);
        this.output = StoreOutput.of(this.location);
        this.options = options;
        Path eventRoot = new Path(this.location, StoreLayout.EVENTS);
        output.mkdirs(eventRoot);
        this.events = PartitionedWriter.events(output, eventRoot, options);
        this.deliveries = PartitionedWriter.deliveries(output, new Path(this.location, StoreLayout.DELIVERIES), options);
    }

    public void write(TracedEvent event) throws IOException {
        events.write(run(event.correlationId(), event.createdAt()).events(event.eventType()), event);
    }

    public void write(Delivery delivery) throws IOException {
        deliveries.write(run(delivery.correlationId(), delivery.receivedAt()).deliveries, delivery);
    }

    /** The run's date is its first row's, not each row's: a run that crosses midnight stays in one partition. */
    private RunPartitions run(String correlationId, long micros) {
        RunPartitions run = recentRuns.get(correlationId);
        if (run != null) {
            return run;
        }
        run = runs.get(correlationId);
        if (run == null) {
            run = new RunPartitions(Instant.ofEpochSecond(micros / 1_000_000).atZone(ZoneOffset.UTC).toLocalDate(),
                    StoreLayout.runTag(correlationId));
            runs.put(correlationId, run);
        }
        recentRuns.put(correlationId, run);
        return run;
    }

    /** A run's partitions, found once per run and type rather than by building their paths for every row. */
    private final class RunPartitions {
        final LocalDate date;
        final String runTag;
        final PartitionedWriter<Delivery>.Partition deliveries;
        final Map<String, PartitionedWriter<TracedEvent>.Partition> eventsByType = new HashMap<>();
        final RecentKeys<PartitionedWriter<TracedEvent>.Partition> recentTypes = new RecentKeys<>();

        RunPartitions(LocalDate date, String runTag) {
            this.date = date;
            this.runTag = runTag;
            this.deliveries = EventDatasetWriter.this.deliveries.partition(StoreLayout.DATE + "=" + date, runTag);
        }

        PartitionedWriter<TracedEvent>.Partition events(String type) {
            PartitionedWriter<TracedEvent>.Partition partition = recentTypes.get(type);
            if (partition != null) {
                return partition;
            }
            partition = eventsByType.get(type);
            if (partition == null) {
                partition = EventDatasetWriter.this.events.partition(StoreLayout.partitionDir(date, type), runTag);
                eventsByType.put(type, partition);
            }
            recentTypes.put(type, partition);
            return partition;
        }
    }

    /** Completes every open file, making all rows written so far visible to readers. */
    public void flush() throws IOException {
        try {
            events.flush();
        } finally {
            deliveries.flush();
        }
    }

    /**
     * Writes this writer's counters beside the data, as {@code _meta/<writerId>.properties} (replaced on each
     * call): what was seen, written, dropped, sampled out.
     */
    public void writeMetadata(Map<String, String> values) throws IOException {
        java.util.Properties props = new java.util.Properties();
        props.putAll(values);
        Path file = new Path(new Path(location, StoreLayout.META), options.writerId() + ".properties");
        try (java.io.OutputStream out = output.createStream(file)) {
            props.store(out, "evtrace writer " + options.writerId());
        }
    }

    /**
     * Gives up every open file after a store error (see {@link PartitionedWriter#abandon()}); what was
     * already completed stays readable.
     */
    public void abandon() {
        events.abandon();
        deliveries.abandon();
    }

    /** Events written to files that could not be completed and were abandoned (data-loss markers not included). */
    public long lostEvents() {
        return events.lostRows() - markers(PartitionedWriter.Partition::lostRows);
    }

    /** The data-loss markers' share of a count of the event dataset's rows, which counts them with the events. */
    private long markers(ToLongFunction<PartitionedWriter<TracedEvent>.Partition> rows) {
        long n = 0;
        for (RunPartitions run : runs.values()) {
            PartitionedWriter<TracedEvent>.Partition markers = run.eventsByType.get(TracedEvent.DATA_LOSS);
            n += markers == null ? 0 : rows.applyAsLong(markers);
        }
        return n;
    }

    /** Delivery rows written to files that could not be completed and were abandoned. */
    public long lostDeliveries() {
        return deliveries.lostRows();
    }

    /**
     * Events written, those in abandoned files included (see {@link #lostEvents}); the data-loss markers a writer
     * adds ({@link TracedEvent#DATA_LOSS}) are rows of the event files too, but not events. Counted by the files, as
     * the lost ones are, so a row whose file failed as it completed counts in both.
     */
    public long written() {
        return events.rows() - markers(PartitionedWriter.Partition::rows);
    }

    /** Delivery rows written, those in abandoned files included (see {@link #lostDeliveries}). */
    public long deliveriesWritten() {
        return deliveries.rows();
    }

    /** The number the next event file's name will carry (see {@link dev.evtrace.store.journal.Journal}). */
    public long nextEventFileNumber() {
        return events.nextFileNumber();
    }

    /** The number the next delivery file's name will carry. */
    public long nextDeliveryFileNumber() {
        return deliveries.nextFileNumber();
    }

    public String location() {
        return location.toString();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
