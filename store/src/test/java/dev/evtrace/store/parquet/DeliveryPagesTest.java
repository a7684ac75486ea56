package dev.evtrace.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.StoreLayout;
import dev.evtrace.store.WriterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery files share one budget of page rows: one run gets long pages, runs recorded at once split them. */
class DeliveryPagesTest {
    private static final int ROWS = PartitionedWriter.DELIVERY_PAGE_ROWS + 1_000;

    @TempDir
    Path store;

    @Test
    void oneRunsDeliveriesGetTheWholeBudget() throws IOException {
        write(List.of("run-a"), false);

        assertThat(firstPageRows()).containsOnly((long) PartitionedWriter.DELIVERY_PAGE_ROWS);
    }

    /**
     * Files that open as runs start share it with those already open (the first of four gets it all, the
     * fourth a quarter); once a flush has seen four open, the files it reopens one by one get a quarter each.
     */
    @Test
    void runsRecordedAtOnceShareItAlsoAfterAFlushReopensTheirFilesOneByOne() throws IOException {
        write(List.of("run-a", "run-b", "run-c", "run-d"), true);

        long budget = PartitionedWriter.DELIVERY_PAGE_ROWS;
        assertThat(firstPageRows()).containsExactlyInAnyOrder(budget, budget / 2, budget / 3, budget / 4,
                budget / 4, budget / 4, budget / 4, budget / 4);
    }

    /** Every run's deliveries interleaved, row by row; with {@code flushed}, a flush first and again. */
    private void write(List<String> runs, boolean flushed) throws IOException {
        try (EventDatasetWriter writer = new EventDatasetWriter(store.toString(), new WriterOptions("w", 10_000_000, Map.of()))) {
            for (int round = 0; round < (flushed ? 2 : 1); round++) {
                for (int i = 0; i < ROWS; i++) {
                    for (String run : runs) {
                        long t = 1_700_000_000_000_000L + i * 3L;
                        writer.write(new Delivery(run, i / 4 + 1, "BAR", "com.acme.Handler" + i % 4, "main", t, 2, false));
                    }
                }
                writer.flush();
            }
        }
    }

    /** The rows of every delivery file's first page. */
    private List<Long> firstPageRows() throws IOException {
        List<Long> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(store.resolve(StoreLayout.DELIVERIES))) {
            for (Path file : files.filter(f -> f.toString().endsWith(StoreLayout.SUFFIX)).toList()) {
                try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                    ColumnChunkMetaData ids = reader.getFooter().getBlocks().get(0).getColumns().get(1);
                    OffsetIndex pages = reader.readOffsetIndex(ids);
                    rows.add(pages.getPageCount() > 1 ? pages.getFirstRowIndex(1) : ids.getValueCount());
                }
            }
        }
        return rows;
    }
}
