package dev.evtrace.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.Payload;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainOrDeltaTest {
    private static final long T0 = 1_764_000_000_000_000L;

    @TempDir
    Path dir;

    /**
     * Bars of 20 symbols taking turns, each price a random walk in cents around its own level: plain bytes
     * compress far better than deltas between symbols. A counter that climbs by one stays delta-packed.
     */
    @Test
    void interleavedSeriesTurnPlainAndAClimbingCounterStaysDeltaPackedAndBothReadBack() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        long[] cents = new long[20];
        for (int s = 0; s < cents.length; s++) {
            cents[s] = 1_000 + s * 9_000L;
        }
        List<TracedEvent> events = new ArrayList<>();
        for (long id = 1; id <= 40_000; id++) {
            int symbol = (int) (id % cents.length);
            cents[symbol] += random.nextInt(-50, 51);
            Payload data = Payload.builder(3).text("symbol", "S" + symbol).doubleValue("close", cents[symbol] / 100.0)
                    .longValue("count", id).build();
            events.add(new TracedEvent(id, "BAR", T0 + id, "run-a", 0, "feed", T0 + id, T0 + id, T0 + id, T0 + id,
                    data, TracedEvent.CURRENT_VERSION, id, ""));
        }
        try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions("w", 1_000_000, Map.of()))) {
            for (TracedEvent e : events) {
                writer.write(e);
            }
        }

        assertThat(encodings("close")).contains(Encoding.PLAIN);
        assertThat(encodings("count")).contains(Encoding.DELTA_BINARY_PACKED).doesNotContain(Encoding.PLAIN);
        assertThat(new EventDatasetReader(dir.toString()).read(EventQuery.run("run-a"))).isEqualTo(events);
    }

    private Set<Encoding> encodings(String field) throws IOException {
        Set<Encoding> encodings = new HashSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                    for (BlockMetaData block : reader.getFooter().getBlocks()) {
                        for (ColumnChunkMetaData column : block.getColumns()) {
                            if (column.getPath().toDotString().endsWith("." + field)) {
                                encodings.addAll(column.getEncodings());
                            }
                        }
                    }
                }
            }
        }
        encodings.remove(Encoding.RLE);
        return encodings;
    }
}
