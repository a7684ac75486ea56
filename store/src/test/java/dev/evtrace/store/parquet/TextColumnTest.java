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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payload text is dictionary encoded while it repeats and falls back to plain pages when a row group's
 * distinct values pass the limit; our reader and DuckDB read every value back, nulls included.
 */
class TextColumnTest {
    private static final long T0 = 1_764_000_000_000_000L;
    private static final int EVENTS = 30_000;

    @TempDir
    Path dir;

    @Test
    void repeatingTextIsDictionaryEncodedAndDistinctTextFallsBackToPlainPages() throws IOException, SQLException {
        List<TracedEvent> events = new ArrayList<>();
        for (long id = 1; id <= EVENTS; id++) {
            Payload data = Payload.builder(3)
                    .text("symbol", "SYM" + id % 20)
                    // Distinct from the start: the dictionary fills within the first page.
                    .text("order", "order-" + id)
                    // Mostly null, and only nulls for whole pages.
                    .text("note", id == 1 ? "first" : id > 20_000 && id % 7 == 0 ? "late" : null)
                    .build();
            events.add(new TracedEvent(id, "BAR", T0 + id, "run-a", 0, "feed", T0 + id, T0 + id, T0 + id, T0 + id,
                    data, TracedEvent.CURRENT_VERSION, id, ""));
        }
        try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions("w", 1_000_000, Map.of()))) {
            for (TracedEvent e : events) {
                writer.write(e);
            }
        }

        Map<String, List<Encoding>> encodings = new HashMap<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(onlyFile()))) {
            for (BlockMetaData group : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData column : group.getColumns()) {
                    encodings.computeIfAbsent(column.getPath().toDotString(), k -> new ArrayList<>())
                            .addAll(column.getEncodingStats().getDataEncodings());
                }
            }
        }
        assertThat(encodings.get("data.symbol")).containsOnly(Encoding.RLE_DICTIONARY);
        assertThat(encodings.get("data.order")).contains(Encoding.DELTA_LENGTH_BYTE_ARRAY);
        assertThat(encodings.get("data.note")).contains(Encoding.RLE_DICTIONARY, Encoding.PLAIN);

        List<TracedEvent> read = new EventDatasetReader(dir.toString()).read(EventQuery.all());
        assertThat(read).extracting(TracedEvent::data)
                .containsExactlyElementsOf(events.stream().map(e -> withoutNulls(e.data())).toList());

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("SELECT data.symbol, data.order, data.note FROM read_parquet('"
                     + dir.resolve("events") + "/**/*.parquet') ORDER BY event_id")) {
            int i = 0;
            while (rs.next()) {
                Map<String, String> expected = events.get(i++).data();
                assertThat(rs.getString(1)).isEqualTo(expected.get("symbol"));
                assertThat(rs.getString(2)).isEqualTo(expected.get("order"));
                assertThat(rs.getString(3)).isEqualTo(expected.get("note"));
            }
            assertThat(i).isEqualTo(EVENTS);
        }
    }

    private static Map<String, String> withoutNulls(Map<String, String> data) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private Path onlyFile() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("events"))) {
            List<Path> parquet = files.filter(f -> f.toString().endsWith(".parquet")).toList();
            assertThat(parquet).hasSize(1);
            return parquet.get(0);
        }
    }
}
