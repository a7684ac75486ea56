package dev.evtrace.store.parquet;

import dev.evtrace.store.StoreLayout;
import dev.evtrace.store.WriterOptions;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
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
 * One dataset's files: one open file per partition directory, each written under a temporary name and
 * renamed when complete (rolled after {@link WriterOptions#rollEvents()} rows), so readers only ever see
 * whole files. Not thread-safe: one writer thread owns it.
 */
public final class PartitionedWriter<T> {
    private static final int ROW_GROUP_BYTES = 16 << 20;

    private final Configuration conf;
    private final FileSystem fs;
    private final Path root;
    private final WriterOptions options;
    private final Supplier<WriteSupport<T>> writeSupport;
    private final Map<String, OpenFile> open = new HashMap<>();
    private long fileNumber;

    public PartitionedWriter(Configuration conf, FileSystem fs, Path root, WriterOptions options,
                             Supplier<WriteSupport<T>> writeSupport) {
        this.conf = conf;
        this.fs = fs;
        this.root = root;
        this.options = options;
        this.writeSupport = writeSupport;
    }

    public void write(String partitionDir, T row) throws IOException {
        OpenFile file = open.get(partitionDir);
        if (file == null) {
            file = openFile(partitionDir);
            open.put(partitionDir, file);
        }
        file.writer.write(row);
        if (++file.rows >= options.rollEvents()) {
            open.remove(partitionDir);
            file.complete();
        }
    }

    /** Completes every open file, making every row written so far visible. */
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

    private OpenFile openFile(String dir) throws IOException {
        String name = StoreLayout.fileName(options.writerId(), fileNumber++);
        Path target = new Path(new Path(root, dir), name);
        Path temp = new Path(target.getParent(), StoreLayout.inProgressName(name));
        ParquetWriter<T> writer = new Builder<>(HadoopOutputFile.fromPath(temp, conf), writeSupport)
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
        final ParquetWriter<T> writer;
        final Path temp;
        final Path target;
        long rows;

        OpenFile(ParquetWriter<T> writer, Path temp, Path target) {
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

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final Supplier<WriteSupport<T>> writeSupport;

        Builder(OutputFile file, Supplier<WriteSupport<T>> writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return writeSupport.get();
        }
    }
}
