package dev.evtrace.store;

import dev.evtrace.store.parquet.HadoopFiles;
import dev.evtrace.store.parquet.PureJavaCodecs;
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
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Appends events to the partitioned dataset. One open file per partition (run date, event type); each is
 * written under a temporary name and renamed when complete, so readers only ever see whole files.
 * Not thread-safe: one writer thread owns it.
 */
public final class EventDatasetWriter implements Closeable {
    private static final int ROW_GROUP_BYTES = 16 << 20;

    private final Configuration conf = HadoopFiles.configuration();
    private final Path root;
    private final FileSystem fs;
    private final WriterOptions options;
    private final Map<String, LocalDate> runDates = new HashMap<>();
    private final Map<String, OpenFile> open = new HashMap<>();
    private long fileNumber;
    private long written;

    public EventDatasetWriter(String location, WriterOptions options) throws IOException {
        this.root = HadoopFiles.path(location);
        this.fs = HadoopFiles.fileSystem(root, conf);
        this.options = options;
        fs.mkdirs(root);
    }

    public void write(TracedEvent event) throws IOException {
        // The run's date, not each event's: a run that crosses midnight stays in one partition.
        LocalDate date = runDates.computeIfAbsent(event.correlationId(),
                id -> Instant.ofEpochSecond(event.createdAt() / 1_000_000).atZone(ZoneOffset.UTC).toLocalDate());
        String dir = StoreLayout.partitionDir(date, event.eventType());
        OpenFile file = open.get(dir);
        if (file == null) {
            file = openFile(dir);
            open.put(dir, file);
        }
        file.writer.write(event);
        written++;
        if (++file.events >= options.rollEvents()) {
            open.remove(dir);
            file.complete();
        }
    }

    /** Completes every open file, making all events written so far visible to readers. */
    public void flush() throws IOException {
        IOException failure = null;
        for (OpenFile file : open.values()) {
            try {
                file.complete();
            } catch (IOException e) {
                failure = e;
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }

    public long written() {
        return written;
    }

    public String location() {
        return root.toString();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private OpenFile openFile(String dir) throws IOException {
        String name = StoreLayout.fileName(options.writerId(), fileNumber++);
        Path target = new Path(new Path(root, dir), name);
        Path temp = new Path(target.getParent(), StoreLayout.inProgressName(name));
        OutputFile out = HadoopOutputFile.fromPath(temp, conf);
        ParquetWriter<TracedEvent> writer = new Builder(out, options.footer())
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(PureJavaCodecs.INSTANCE)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriterVersion(WriterVersion.PARQUET_2_0)
                .withDictionaryEncoding(true)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .build();
        return new OpenFile(writer, temp, target);
    }

    private final class OpenFile {
        final ParquetWriter<TracedEvent> writer;
        final Path temp;
        final Path target;
        long events;

        OpenFile(ParquetWriter<TracedEvent> writer, Path temp, Path target) {
            this.writer = writer;
            this.temp = temp;
            this.target = target;
        }

        void complete() throws IOException {
            writer.close();
            if (!fs.rename(temp, target)) {
                throw new IOException("cannot rename " + temp + " to " + target);
            }
        }
    }

    private static final class Builder extends ParquetWriter.Builder<TracedEvent, Builder> {
        private final Map<String, String> footer;

        Builder(OutputFile file, Map<String, String> footer) {
            super(file);
            this.footer = footer;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<TracedEvent> getWriteSupport(Configuration conf) {
            return new TracedEventWriteSupport(footer);
        }
    }
}
