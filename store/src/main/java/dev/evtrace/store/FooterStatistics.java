package dev.evtrace.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;

/**
 * Row group statistics from a file's footer, decoded from its Thrift form. {@code ParquetFileReader} would
 * convert the whole footer (schema, encodings, every column's metadata) into its own objects first: three
 * times the CPU on a cold JVM, where a store of a hundred runs has hundreds of footers to read per command.
 * Only the standard min_value/max_value are trusted (the deprecated min/max of old writers may be ordered
 * wrongly for strings); a bound a footer lacks is left open, so its row group is always read.
 */
final class FooterStatistics {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL = 8;

    private FooterStatistics() {}

    static List<RowGroupStats> read(Path path, StoreFiles files) {
        try {
            List<RowGroupStats> out = new ArrayList<>();
            FileMetaData footer = footer(path, files.input(path));
            Long maxProcessed = maxProcessed(footer);
            for (RowGroup group : footer.getRow_groups()) {
                out.add(stats(group, maxProcessed));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new StoreException("cannot read " + path + ": " + EventDatasetReader.describe(e), e);
        }
    }

    private static FileMetaData footer(Path path, InputFile input) throws IOException {
        long length = input.getLength();
        try (SeekableInputStream in = input.newStream()) {
            byte[] tail = new byte[TAIL];
            if (length < MAGIC.length + TAIL) {
                throw new IOException(path + " is not a Parquet file (too short)");
            }
            in.seek(length - TAIL);
            in.readFully(tail);
            if (!ByteBuffer.wrap(tail, 4, 4).equals(ByteBuffer.wrap(MAGIC))) {
                throw new IOException(path + " is not a Parquet file (no PAR1 at its end)");
            }
            int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (footerLength <= 0 || footerLength > length - MAGIC.length - TAIL) {
                throw new IOException("corrupted file: footer length " + footerLength + " in a file of " + length + " bytes");
            }
            byte[] footer = new byte[footerLength];
            in.seek(length - TAIL - footerLength);
            in.readFully(footer);
            return Util.readFileMetaData(new ByteArrayInputStream(footer));
        }
    }

    /**
     * A version-3 file's latest processed_at, from its metadata: its columns hold offsets, whose statistics do
     * not bound it. Null for earlier versions, whose processed_at column's statistics do.
     */
    private static Long maxProcessed(FileMetaData footer) {
        if (footer.getKey_value_metadata() != null) {
            for (KeyValue entry : footer.getKey_value_metadata()) {
                if (entry.getKey().equals(EventSchema.MAX_PROCESSED_AT) && entry.getValue() != null) {
                    try {
                        return Long.parseLong(entry.getValue());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /** @param fileMaxProcessed the file's latest processed_at, when its metadata says */
    private static RowGroupStats stats(RowGroup group, Long fileMaxProcessed) {
        Map<String, ColumnMetaData> columns = new HashMap<>();
        long compressed = 0;
        for (ColumnChunk chunk : group.getColumns()) {
            ColumnMetaData column = chunk.getMeta_data();
            columns.put(String.join(".", column.getPath_in_schema()), column);
            compressed += column.getTotal_compressed_size();
        }
        ColumnMetaData ids = columns.get(EventSchema.EVENT_ID);
        ColumnMetaData timestamps = columns.get(EventSchema.TIMESTAMP);
        ColumnMetaData created = columns.get(EventSchema.CREATED_AT);
        ColumnMetaData sequence = columns.get(EventSchema.SEQUENCE_NUMBER);
        return new RowGroupStats(group.getNum_rows(), start(group.getColumns().get(0).getMeta_data()), compressed,
                bounds(columns.get(EventSchema.CORRELATION_ID)), bounds(columns.get(EventSchema.EVENT_TYPE)),
                orElse(min(ids), Long.MIN_VALUE), orElse(max(ids), Long.MAX_VALUE),
                orElse(min(timestamps), Long.MIN_VALUE), orElse(max(timestamps), Long.MAX_VALUE),
                min(created), max(created), maxProcessed(columns, fileMaxProcessed), min(sequence));
    }

    /** Where the group's first column chunk starts: Parquet's own rule, so a file range selects exactly it. */
    private static long start(ColumnMetaData first) {
        long offset = first.getData_page_offset();
        return first.isSetDictionary_page_offset() && offset > first.getDictionary_page_offset()
                ? first.getDictionary_page_offset() : offset;
    }

    /**
     * The latest processed_at (of the group's file, for version 3); ABSENT when every value is null; null when
     * the footer does not say.
     */
    private static Long maxProcessed(Map<String, ColumnMetaData> columns, Long fileMaxProcessed) {
        ColumnMetaData processed = columns.get(EventSchema.PROCESSED_AT);
        Long max = processed != null ? max(processed) : fileMaxProcessed;
        if (max != null) {
            return max;
        }
        ColumnMetaData column = processed != null ? processed : columns.get(EventSchema.LATENCY_US);
        Statistics stats = column == null ? null : column.getStatistics();
        boolean allNull = stats != null && stats.isSetNull_count() && stats.getNull_count() == column.getNum_values();
        return allNull ? TracedEvent.ABSENT : null;
    }

    private static RowGroupStats.Bounds bounds(ColumnMetaData column) {
        Statistics stats = column == null ? null : column.getStatistics();
        if (stats == null || !stats.isSetMin_value() || !stats.isSetMax_value()) {
            return null;
        }
        return new RowGroupStats.Bounds(Binary.fromConstantByteArray(stats.getMin_value()),
                Binary.fromConstantByteArray(stats.getMax_value()));
    }

    private static Long min(ColumnMetaData column) {
        Statistics stats = column == null ? null : column.getStatistics();
        return stats != null && stats.isSetMin_value() ? int64(stats.getMin_value()) : null;
    }

    private static Long max(ColumnMetaData column) {
        Statistics stats = column == null ? null : column.getStatistics();
        return stats != null && stats.isSetMax_value() ? int64(stats.getMax_value()) : null;
    }

    /** An INT64 statistic: eight bytes, little-endian. */
    private static Long int64(byte[] value) {
        return value.length == Long.BYTES ? ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getLong() : null;
    }

    private static long orElse(Long value, long otherwise) {
        return value == null ? otherwise : value;
    }
}
