package dev.evtrace.store;

import dev.evtrace.store.parquet.PureJavaCodecs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;

/** Row group statistics from a file's footer. */
final class FooterStatistics {
    /**
     * Without a codec factory of its own, {@code ParquetFileReader.open} builds Hadoop's, and with it a fresh
     * Hadoop configuration that parses its default XML files: 1.5 ms a file, against 0.06 ms for the footer.
     */
    private static final ParquetReadOptions OPTIONS =
            ParquetReadOptions.builder().withCodecFactory(PureJavaCodecs.INSTANCE).build();

    private FooterStatistics() {}

    static List<RowGroupStats> read(Path path, StoreFiles files) {
        List<RowGroupStats> out = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(files.input(path), OPTIONS)) {
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                Statistics<?> ids = stats(block, EventSchema.EVENT_ID);
                Statistics<?> timestamps = stats(block, EventSchema.TIMESTAMP);
                Statistics<?> created = stats(block, EventSchema.CREATED_AT);
                Statistics<?> processed = stats(block, EventSchema.PROCESSED_AT);
                Statistics<?> sequence = stats(block, EventSchema.SEQUENCE_NUMBER);
                out.add(new RowGroupStats(block.getRowCount(), block.getStartingPos(), block.getCompressedSize(),
                        bounds(stats(block, EventSchema.CORRELATION_ID)), bounds(stats(block, EventSchema.EVENT_TYPE)),
                        present(ids) ? (Long) ids.genericGetMin() : Long.MIN_VALUE,
                        present(ids) ? (Long) ids.genericGetMax() : Long.MAX_VALUE,
                        present(timestamps) ? (Long) timestamps.genericGetMin() : Long.MIN_VALUE,
                        present(timestamps) ? (Long) timestamps.genericGetMax() : Long.MAX_VALUE,
                        present(created) ? (Long) created.genericGetMin() : null,
                        present(created) ? (Long) created.genericGetMax() : null,
                        processed == null ? null
                                : processed.hasNonNullValue() ? (Long) processed.genericGetMax() : TracedEvent.ABSENT,
                        present(sequence) ? (Long) sequence.genericGetMin() : null));
            }
        } catch (IOException | RuntimeException e) {
            throw new StoreException("cannot read " + path + ": " + EventDatasetReader.describe(e), e);
        }
        return out;
    }

    private static Statistics<?> stats(BlockMetaData block, String column) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (chunk.getPath().toDotString().equals(column)) {
                Statistics<?> stats = chunk.getStatistics();
                return stats == null || stats.isEmpty() ? null : stats;
            }
        }
        return null;
    }

    private static boolean present(Statistics<?> stats) {
        return stats != null && stats.hasNonNullValue();
    }

    private static RowGroupStats.Bounds bounds(Statistics<?> stats) {
        return present(stats) ? new RowGroupStats.Bounds(((Binary) stats.genericGetMin()).copy(),
                ((Binary) stats.genericGetMax()).copy())
                : null;
    }
}
