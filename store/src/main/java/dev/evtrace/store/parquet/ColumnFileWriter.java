package dev.evtrace.store.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * One Parquet file, written a page at a time. Rows are appended to the {@link RowColumns}' per-page buffers;
 * every {@value #MAX_PAGE_ROWS} rows (or sooner, when a column of variable-length values is full) each column
 * encodes its page and hands it to parquet's page store, which compresses it and keeps it until the row group
 * is written. Parquet's own record writer instead pushes every value through {@code MessageColumnIO} and a
 * column writer that updates levels, statistics and size checks value by value; this fixed schema needs none of
 * that bookkeeping. Pages are version 1, whose levels are compressed with the values (version 2 stores them raw,
 * which for a map's repetition levels costs a byte per event). Row groups end at {@code rowGroupBytes} of
 * compressed pages, which bounds what one open file holds in memory. Not thread-safe.
 */
final class ColumnFileWriter<T> {
    /**
     * Rows per page. Every column of every open file buffers a page, and a process recording several runs at
     * once has a file open per run and partition: in the sample's parallel sweep (4 runs) the traced heap grew by
     * 71 MiB with pages of 20,000 rows, 50 with 8,192 and 36 with 4,096, while the reference store grew by 1.5%
     * and 5%.
     */
    static final int MAX_PAGE_ROWS = 8_192;
    // Dictionaries grow only with new strings: a look every so many rows bounds them closely enough.
    private static final int ROWS_PER_DICTIONARY_CHECK = 1024;

    private final ParquetFileWriter file;
    private final RowColumns<T> row;
    private final PageColumn[] columns;
    // Only columns of variable-length values can fill a page before the row limit: only they are asked.
    private final List<PageColumn> variableLength = new ArrayList<>();
    private final PureJavaCodecs.PageCompressor compressor;
    private final long rowGroupBytes;
    private final int maxPageRows;
    // Parquet's defaults for what it writes beside the pages: column index truncation, page checksums.
    private final ParquetProperties properties = ParquetProperties.builder().build();
    private ColumnChunkPageWriteStore pages;
    private PageWriter[] pageWriters;
    private int pageRows;
    private long groupRows;
    private int groupPages;
    private boolean failed;

    ColumnFileWriter(OutputFile out, RowColumns<T> row, PureJavaCodecs.PageCompressor compressor, long rowGroupBytes)
            throws IOException {
        this(out, row, compressor, rowGroupBytes, MAX_PAGE_ROWS);
    }

    /** With pages of at most {@code maxPageRows} rows. */
    ColumnFileWriter(OutputFile out, RowColumns<T> row, PureJavaCodecs.PageCompressor compressor, long rowGroupBytes,
                     int maxPageRows) throws IOException {
        MessageType schema = row.schema();
        // No padding: aligning row groups to HDFS blocks only matters to split-based engines reading huge files.
        this.file = new ParquetFileWriter(out, schema, ParquetFileWriter.Mode.OVERWRITE, rowGroupBytes, 0, null,
                properties);
        this.row = row;
        this.columns = row.columns();
        this.compressor = compressor;
        this.rowGroupBytes = rowGroupBytes;
        this.maxPageRows = maxPageRows;
        for (PageColumn column : columns) {
            if (column instanceof TextColumn) {
                variableLength.add(column);
            }
        }
        file.start();
        startRowGroup();
    }

    /**
     * Adds a row. A row the columns refuse (a null where a value is required) throws with the file intact; any
     * other failure leaves it {@link #failed()}.
     */
    void write(T value) throws IOException {
        row.add(value);
        if (++pageRows >= maxPageRows || pageFull()
                || (pageRows % ROWS_PER_DICTIONARY_CHECK == 0 && dictionaryFull())) {
            try {
                endPage();
                if (rowGroupFull()) {
                    endRowGroup();
                    startRowGroup();
                }
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }
    }

    /** Whether a page or row group could not be written: the file cannot be completed. */
    boolean failed() {
        return failed;
    }

    /** Writes the last row group and the footer, with {@code metadata} and what the columns say, and closes the file. */
    void close(Map<String, String> metadata) throws IOException {
        if (pageRows > 0) {
            if (groupRows == 0) {
                // The row group's one page per column: its statistics are the chunk's.
                for (int i = 0; i < pageWriters.length; i++) {
                    pageWriters[i] = new UnindexedPage(pageWriters[i]);
                }
            }
            endPage();
        }
        if (groupRows > 0) {
            endRowGroup();
        } else {
            pages.close();
        }
        Map<String, String> rows = row.footer();
        if (rows.isEmpty()) {
            file.end(metadata);
        } else {
            Map<String, String> footer = new HashMap<>(metadata);
            footer.putAll(rows);
            file.end(footer);
        }
    }

    /** Closes the file without completing it (after a failure): it stays, unreadable, under its temporary name. */
    void abandon() {
        try {
            file.close();
        } catch (IOException | RuntimeException ignored) {
            // Already failing: the first error is the one to report.
        }
    }

    private boolean pageFull() {
        for (int i = 0; i < variableLength.size(); i++) {
            if (variableLength.get(i).pageFull()) {
                return true;
            }
        }
        return false;
    }

    private void endPage() throws IOException {
        for (int i = 0; i < columns.length; i++) {
            columns[i].writePage(pageWriters[i], pageRows);
        }
        groupRows += pageRows;
        groupPages++;
        pageRows = 0;
    }

    /** Full when one more page like the average so far would pass the limit, or when a dictionary is full. */
    private boolean rowGroupFull() {
        long buffered = 0;
        for (PageWriter writer : pageWriters) {
            buffered += writer.getMemSize();
        }
        return buffered + buffered / groupPages >= rowGroupBytes || dictionaryFull();
    }

    private boolean dictionaryFull() {
        for (PageColumn column : columns) {
            if (column.rowGroupFull()) {
                return true;
            }
        }
        return false;
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(compressor, row.schema(), HeapByteBufferAllocator.getInstance(),
                properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
        pageWriters = new PageWriter[columns.length];
        for (int i = 0; i < columns.length; i++) {
            PageWriter writer = pages.getPageWriter(columns[i].descriptor);
            PrimitiveTypeName type = columns[i].descriptor.getPrimitiveType().getPrimitiveTypeName();
            // Fixed-width numbers: their plain pages are compressed as such (see PlainNumbersPage).
            pageWriters[i] = type == PrimitiveTypeName.INT64 || type == PrimitiveTypeName.DOUBLE
                    ? new PlainNumbersPage(writer, compressor) : writer;
        }
        groupRows = 0;
        groupPages = 0;
    }

    private void endRowGroup() throws IOException {
        for (int i = 0; i < columns.length; i++) {
            columns[i].endRowGroup(pageWriters[i]);
        }
        file.startBlock(groupRows);
        pages.flushToFileWriter(file);
        file.endBlock();
        pages.close();
    }
}
