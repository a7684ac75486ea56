package dev.evtrace.analyzer;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventDatasetReader.DataFile;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.EventSchema;
import dev.evtrace.store.parquet.HadoopFiles;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveComparator;

/**
 * How many rows a scan will read, from the files' footers alone: the row groups of the files the query's
 * types keep, less those whose run statistics exclude the query's run. An upper bound (a row group may hold
 * other runs too), which is all a progress bar needs.
 */
final class ScanSize {
    private ScanSize() {}

    static long rows(EventDatasetReader reader, EventQuery query) {
        Configuration conf = HadoopFiles.configuration();
        long rows = 0;
        for (DataFile file : reader.files()) {
            if (!query.types().isEmpty() && file.type() != null && !query.types().contains(file.type())) {
                continue;
            }
            try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(file.path(), conf))) {
                for (BlockMetaData block : footer.getFooter().getBlocks()) {
                    if (query.run() == null || mayHold(block, Binary.fromString(query.run()))) {
                        rows += block.getRowCount();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The scan itself reports a file it cannot read, with the file's name; an estimate just skips it.
            }
        }
        return rows;
    }

    private static boolean mayHold(BlockMetaData block, Binary run) {
        for (ColumnChunkMetaData column : block.getColumns()) {
            if (column.getPath().toDotString().equals(EventSchema.CORRELATION_ID)) {
                Statistics<?> stats = column.getStatistics();
                if (stats == null || !stats.hasNonNullValue()) {
                    return true;
                }
                PrimitiveComparator<Binary> order = PrimitiveComparator.UNSIGNED_LEXICOGRAPHICAL_BINARY_COMPARATOR;
                return order.compare((Binary) stats.genericGetMin(), run) <= 0
                        && order.compare(run, (Binary) stats.genericGetMax()) <= 0;
            }
        }
        return true;
    }
}
