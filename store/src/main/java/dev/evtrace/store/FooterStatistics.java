package dev.evtrace.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;

/** Row group summaries from a file's footer statistics. */
final class FooterStatistics {
    private FooterStatistics() {}

    /** The file's row groups, or null when some group mixes runs or types, or lacks statistics. */
    static List<RowGroupSummary> summaries(Path path, Configuration conf) {
        List<RowGroupSummary> out = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                Statistics<?> run = stats(block, EventSchema.CORRELATION_ID);
                Statistics<?> type = stats(block, EventSchema.EVENT_TYPE);
                Statistics<?> created = stats(block, EventSchema.CREATED_AT);
                Statistics<?> processed = stats(block, EventSchema.PROCESSED_AT);
                Statistics<?> sequence = stats(block, EventSchema.SEQUENCE_NUMBER);
                if (!single(run) || !single(type) || !present(created) || processed == null || !present(sequence)) {
                    return null;
                }
                long maxProcessed = processed.hasNonNullValue() ? (Long) processed.genericGetMax() : TracedEvent.ABSENT;
                out.add(new RowGroupSummary(text(run), text(type), block.getRowCount(),
                        (Long) created.genericGetMin(), (Long) created.genericGetMax(), maxProcessed,
                        (Long) sequence.genericGetMin()));
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

    private static boolean single(Statistics<?> stats) {
        return present(stats) && stats.genericGetMin().equals(stats.genericGetMax());
    }

    private static String text(Statistics<?> stats) {
        return ((Binary) stats.genericGetMin()).toStringUsingUTF8();
    }
}
