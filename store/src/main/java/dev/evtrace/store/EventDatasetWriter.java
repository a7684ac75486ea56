package dev.evtrace.store;

import dev.evtrace.store.parquet.DeliveryWriteSupport;
import dev.evtrace.store.parquet.HadoopFiles;
import dev.evtrace.store.parquet.PartitionedWriter;
import dev.evtrace.store.parquet.TracedEventWriteSupport;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Appends to a store: events to {@code events/date=…/type=…/}, handler deliveries to
 * {@code deliveries/date=…/}. Every file is written under a temporary name and renamed when complete, so
 * readers only ever see whole files. Not thread-safe: one writer thread owns it.
 */
public final class EventDatasetWriter implements Closeable {
    private final Path location;
    private final FileSystem fs;
    private final WriterOptions options;
    private final PartitionedWriter<TracedEvent> events;
    private final PartitionedWriter<Delivery> deliveries;
    private final Map<String, LocalDate> runDates = new HashMap<>();
    private long written;

    public EventDatasetWriter(String location, WriterOptions options) throws IOException {
        Configuration conf = HadoopFiles.configuration();
        this.location = HadoopFiles.path(location);
        this.fs = HadoopFiles.fileSystem(this.location, conf);
        this.options = options;
        Path eventRoot = new Path(this.location, StoreLayout.EVENTS);
        fs.mkdirs(eventRoot);
        this.events = new PartitionedWriter<>(conf, fs, eventRoot, options,
                () -> new TracedEventWriteSupport(options.footer()));
        this.deliveries = new PartitionedWriter<>(conf, fs, new Path(this.location, StoreLayout.DELIVERIES), options,
                () -> new DeliveryWriteSupport(options.footer()));
    }

    public void write(TracedEvent event) throws IOException {
        events.write(StoreLayout.partitionDir(runDate(event.correlationId(), event.createdAt()), event.eventType()), event);
        written++;
    }

    public void write(Delivery delivery) throws IOException {
        deliveries.write(StoreLayout.DATE + "=" + runDate(delivery.correlationId(), delivery.receivedAt()), delivery);
    }

    /** The run's date, not each row's: a run that crosses midnight stays in one partition. */
    private LocalDate runDate(String correlationId, long micros) {
        return runDates.computeIfAbsent(correlationId,
                id -> Instant.ofEpochSecond(micros / 1_000_000).atZone(ZoneOffset.UTC).toLocalDate());
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
        try (java.io.OutputStream out = fs.create(file, true)) {
            props.store(out, "evtrace writer " + options.writerId());
        }
    }

    public long written() {
        return written;
    }

    public String location() {
        return location.toString();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
