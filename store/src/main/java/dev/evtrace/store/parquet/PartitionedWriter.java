package dev.evtrace.store.parquet;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.StoreLayout;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;

/**
 * One dataset's files: one open file per partition directory, each written under a temporary name and
 * renamed when complete (rolled after {@link WriterOptions#rollEvents()} rows), so readers only ever see
 * whole files. Not thread-safe: one thread at a time writes it.
 */
public final class PartitionedWriter<T> {
    /**
     * The compressed pages one open file buffers before it writes them out as a row group; besides them it
     * holds only the page being filled. Many partitions are open at once (one per event type and date, and the
     * deliveries), so this is what bounds the writer's heap. Halving it from 8 MB left the store's size as it was.
     */
    private static final long ROW_GROUP_BYTES = 4 << 20;

    /**
     * Rows per page of the delivery files, shared by those open at once (one per run being recorded), each
     * given at least an event file's 8,192. Their narrow columns buffer ~40 bytes a row: one run's pages of
     * 65,536 rows hold ~2.5 MiB, and the four runs of a parallel sweep share as much (in their first second,
     * before a flush has counted them, each run that starts shares with those already open). Long pages take a fifth
     * off the dataset (a handler's rows repeat their pattern, which ZSTD finds across a long page; fewer page
     * headers and index entries). On the reference run: 2.26 B/event with pages of 8,192 rows, 1.88 with
     * 32,768, 1.77-1.81 with 65,536 (this), 1.55-1.61 with 131,072.
     */
    static final int DELIVERY_PAGE_ROWS = 8 * ColumnFileWriter.MAX_PAGE_ROWS;

    private final StoreOutput output;
    private final Path root;
    // Rows per page that the open files of this dataset share (see DELIVERY_PAGE_ROWS).
    private final int sharedPageRows;
    private int openAtLastFlush;
    private final WriterOptions options;
    private final Function<T, RowColumns<T>> firstColumns;
    private final List<Partition> partitions = new ArrayList<>();
    // One for all the dataset's files, which this one thread writes in turn: its page buffers exist once.
    private final PureJavaCodecs.PageCompressor compressor = PureJavaCodecs.INSTANCE.pageCompressor();
    private long fileNumber;

    private PartitionedWriter(StoreOutput output, Path root, WriterOptions options, int sharedPageRows,
                              Function<T, RowColumns<T>> firstColumns) {
        this.output = output;
        this.root = root;
        this.sharedPageRows = sharedPageRows;
        this.options = options;
        this.firstColumns = firstColumns;
    }

    /** The event dataset under {@code root}. */
    public static PartitionedWriter<TracedEvent> events(StoreOutput output, Path root, WriterOptions options) {
        // One cache for all of the dataset's files: it outlives every roll.
        Utf8Cache strings = new Utf8Cache();
        return new PartitionedWriter<>(output, root, options, ColumnFileWriter.MAX_PAGE_ROWS,
                first -> TracedEventColumns.first(strings, first));
    }

    /** The delivery dataset under {@code root}. */
    public static PartitionedWriter<Delivery> deliveries(StoreOutput output, Path root, WriterOptions options) {
        Utf8Cache strings = new Utf8Cache();
        return new PartitionedWriter<>(output, root, options, DELIVERY_PAGE_ROWS, first -> new DeliveryColumns(strings));
    }

    /**
     * A new stream of files in partition directory {@code dir} (relative to the dataset's root), to write rows
     * to. Each stream has its own open file: the store gives every run its own, so that a file (and so every
     * row group) holds one run, however many runs one process records at once; its files' names carry
     * {@code runTag} ({@link StoreLayout#runTag}).
     */
    public Partition partition(String dir, String runTag) {
        Partition partition = new Partition(dir, runTag);
        partitions.add(partition);
        return partition;
    }

    public void write(Partition partition, T row) throws IOException {
        OpenFile file = partition.file;
        if (file != null && !file.columns.accepts(row)) {
            partition.file = null;
            file.complete();
            file = null;
        }
        if (file == null) {
            file = openFile(partition, row);
            partition.file = file;
        }
        try {
            file.writer.write(row);
        } catch (IOException | RuntimeException e) {
            if (file.writer.failed()) {
                partition.file = null;
                file.abandon();
            }
            throw e;
        }
        if (++file.rows >= options.rollEvents()) {
            partition.file = null;
            file.complete();
        }
    }

    /** Completes every open file, making every row written so far visible. */
    public void flush() throws IOException {
        IOException failure = null;
        openAtLastFlush = 0;
        for (Partition partition : partitions) {
            OpenFile file = partition.file;
            if (file == null) {
                continue;
            }
            openAtLastFlush++;
            partition.file = null;
            try {
                file.complete();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Gives up every open file after a store error: closes it, deletes it (on a full disk the program needs
     * the room more than a file that can never be completed) and counts its rows as lost. Never throws.
     */
    public void abandon() {
        for (Partition partition : partitions) {
            OpenFile file = partition.file;
            if (file != null) {
                partition.file = null;
                file.abandon();
            }
        }
    }

    /** The number the next file's name will carry. */
    public long nextFileNumber() {
        return fileNumber;
    }

    /** Rows written: to completed files, to open ones and to those abandoned (see {@link #lostRows}). */
    public long rows() {
        long rows = 0;
        for (Partition partition : partitions) {
            rows += partition.rows();
        }
        return rows;
    }

    /** Rows written to files that were abandoned instead of completed: written, but never readable. */
    public long lostRows() {
        long lost = 0;
        for (Partition partition : partitions) {
            lost += partition.lostRows;
        }
        return lost;
    }

    /**
     * Rows per page for a file about to open: its share of the dataset's, with the others open now or, as
     * files reopen one by one after a flush, as many as the flush completed.
     */
    private int pageRows() {
        int open = 1;
        for (Partition partition : partitions) {
            if (partition.file != null) {
                open++;
            }
        }
        return Math.max(ColumnFileWriter.MAX_PAGE_ROWS, sharedPageRows / Math.max(open, openAtLastFlush));
    }

    private OpenFile openFile(Partition partition, T first) throws IOException {
        String name = StoreLayout.fileName(options.writerId(), partition.runTag, fileNumber++);
        Path target = new Path(new Path(root, partition.dir), name);
        Path temp = new Path(target.getParent(), StoreLayout.inProgressName(name));
        RowColumns<T> rowColumns = partition.next == null ? firstColumns.apply(first) : partition.next.apply(first);
        ColumnFileWriter<T> writer = new ColumnFileWriter<>(output.create(temp), rowColumns,
                compressor, ROW_GROUP_BYTES, pageRows());
        partition.next = rowColumns.successor();
        return new OpenFile(partition, writer, rowColumns, temp, target);
    }


    /**
     * A partition directory and its open file, if any. Callers keep it rather than name the directory for every
     * row: building and hashing that path string per row showed in the writer's profile.
     */
    public final class Partition {
        private final String dir;
        private final String runTag;
        private OpenFile file;
        // The columns of the partition's next file, given its first row: they keep what the last file learnt.
        private Function<T, RowColumns<T>> next;
        // Of the files completed or abandoned: an open file counts its own rows.
        private long closedRows;
        private long lostRows;

        private Partition(String dir, String runTag) {
            this.dir = dir;
            this.runTag = runTag;
        }

        /** This partition's share of {@link PartitionedWriter#rows()}. */
        public long rows() {
            OpenFile open = file;
            return closedRows + (open == null ? 0 : open.rows);
        }

        /** This partition's share of {@link PartitionedWriter#lostRows()}. */
        public long lostRows() {
            return lostRows;
        }
    }

    private final class OpenFile {
        final Partition partition;
        final ColumnFileWriter<T> writer;
        final RowColumns<T> columns;
        final Path temp;
        final Path target;
        long rows;

        OpenFile(Partition partition, ColumnFileWriter<T> writer, RowColumns<T> columns, Path temp, Path target) {
            this.partition = partition;
            this.writer = writer;
            this.columns = columns;
            this.temp = temp;
            this.target = target;
        }

        void complete() throws IOException {
            try {
                writer.close(options.footer());
                output.rename(temp, target);
            } catch (IOException | RuntimeException e) {
                abandon();
                throw e;
            }
            partition.closedRows += rows;
        }

        void abandon() {
            writer.abandon();
            partition.closedRows += rows;
            partition.lostRows += rows;
            try {
                output.delete(temp);
            } catch (IOException | RuntimeException ignored) {
                // Already failing: the first error is the one to report; the file stays invisible to readers.
            }
        }
    }
}
