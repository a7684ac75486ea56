package dev.evtrace.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.NullPayloadValues;
import dev.evtrace.store.Payload;
import dev.evtrace.store.TracedEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link ColumnFileWriter} writes reads back, through parquet's own record reader and the store's read
 * supports, exactly as it was written: every field, nulls, empty and null-valued maps, across many pages and
 * row groups.
 */
class ColumnFileWriterTest {
    // Small pages and row groups make many of each from a few thousand rows.
    private static final int SMALL_PAGES = 1_000;
    private static final long SMALL_ROW_GROUPS = 256 * 1024;
    private static final long LARGE_ROW_GROUPS = 64L << 20;

    @TempDir
    Path dir;

    @Test
    void eventsReadBackExactlyAcrossManyPagesAndRowGroups() throws IOException {
        List<TracedEvent> events = events(new Random(7), 30_000);
        Path file = writeEvents(events, SMALL_ROW_GROUPS, SMALL_PAGES);

        assertThat(read(file, new TracedEventReadSupport(Set.of()))).isEqualTo(NullPayloadValues.dropped(events));
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            List<BlockMetaData> rowGroups = reader.getFooter().getBlocks();
            assertThat(rowGroups).hasSizeGreaterThan(3);
            ColumnChunkMetaData values = column(rowGroups.get(0), "data.close");
            assertThat(reader.readOffsetIndex(values).getPageCount()).isGreaterThan(1);
            assertThat(values.getEncodings()).contains(Encoding.DELTA_LENGTH_BYTE_ARRAY);
            assertThat(column(rowGroups.get(0), "event_id").getEncodings()).contains(Encoding.DELTA_BINARY_PACKED);
            assertThat(column(rowGroups.get(0), "event_type").getEncodings()).contains(Encoding.RLE_DICTIONARY);
            assertThat(values.getCodec()).isEqualTo(CompressionCodecName.ZSTD);
        }
    }

    @Test
    void aChunkOfOnePageHasNoPageIndexAndStillReadsWithAFilter() throws IOException {
        List<TracedEvent> events = events(new Random(3), SMALL_PAGES - 1);
        Path file = writeEvents(events, LARGE_ROW_GROUPS, SMALL_PAGES);

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            assertThat(reader.getFooter().getBlocks()).hasSize(1).allSatisfy(group -> assertThat(group.getColumns())
                    .allMatch(c -> c.getColumnIndexReference() == null && c.getOffsetIndexReference() == null));
        }
        TracedEvent wanted = events.get(events.size() / 2);
        List<TracedEvent> found = new ArrayList<>();
        try (ParquetReader<TracedEvent> reader = new ParquetReader.Builder<TracedEvent>(new LocalInputFile(file)) {
                    @Override
                    protected ReadSupport<TracedEvent> getReadSupport() {
                        return new TracedEventReadSupport(Set.of());
                    }
                }
                .withConf(HadoopFiles.configuration())
                .withCodecFactory(PureJavaCodecs.INSTANCE)
                .withFilter(FilterCompat.get(FilterApi.eq(FilterApi.longColumn("event_id"), wanted.eventId())))
                .build()) {
            for (TracedEvent e = reader.read(); e != null; e = reader.read()) {
                found.add(e);
            }
        }
        assertThat(found).containsExactly(NullPayloadValues.dropped(List.of(wanted)).get(0));
    }

    @Test
    void aChunkOfSeveralPagesKeepsItsPageIndex() throws IOException {
        Path file = writeEvents(events(new Random(5), SMALL_PAGES * 2 + 1), LARGE_ROW_GROUPS, SMALL_PAGES);

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            ColumnChunkMetaData ids = column(reader.getFooter().getBlocks().get(0), "event_id");
            assertThat(reader.readOffsetIndex(ids).getPageCount()).isEqualTo(3);
            assertThat(reader.readColumnIndex(ids).getMinValues()).hasSize(3);
        }
    }

    @Test
    void deliveriesReadBackExactlyAcrossPagesCutByRowCount() throws IOException {
        Random random = new Random(11);
        List<Delivery> deliveries = new ArrayList<>();
        long t = 1_700_000_000_000_000L;
        for (int i = 0; i < ColumnFileWriter.MAX_PAGE_ROWS * 2 + 123; i++) {
            t += random.nextInt(50);
            deliveries.add(new Delivery(i % 1000 == 0 ? "run-b" : "run-a", i - random.nextInt(5), pick(random, TYPES),
                    "com.acme.Handler" + random.nextInt(12), "worker-" + random.nextInt(3), t, t + random.nextInt(900),
                    random.nextInt(100) == 0));
        }
        Path file = dir.resolve("deliveries.parquet");
        ColumnFileWriter<Delivery> writer = new ColumnFileWriter<>(new LocalOutputFile(file),
                new DeliveryColumns(new Utf8Cache()), zstd(), LARGE_ROW_GROUPS);
        for (Delivery d : deliveries) {
            writer.write(d);
        }
        writer.close(Map.of("evtrace.writer", "test"));

        assertThat(read(file, new DeliveryReadSupport())).isEqualTo(deliveries);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            assertThat(reader.getFooter().getFileMetaData().getKeyValueMetaData()).containsEntry("evtrace.writer", "test");
            ColumnChunkMetaData received = column(reader.getFooter().getBlocks().get(0), "received_at");
            assertThat(reader.readOffsetIndex(received).getPageCount()).isEqualTo(3);
            assertThat(received.getStatistics().genericGetMin()).isEqualTo(deliveries.get(0).receivedAt());
            assertThat(received.getStatistics().genericGetMax()).isEqualTo(t);
        }
    }

    @Test
    void aFullDictionaryEndsTheRowGroupAndStringsStillReadBack() throws IOException {
        List<TracedEvent> events = new ArrayList<>();
        for (int i = 1; i <= DictionaryColumn.MAX_ENTRIES + 5_000; i++) {
            events.add(event(i, "BAR", "com.acme.Source" + i, Map.of("n", Integer.toString(i))));
        }
        Path file = writeEvents(events, LARGE_ROW_GROUPS, ColumnFileWriter.MAX_PAGE_ROWS);

        assertThat(read(file, new TracedEventReadSupport(Set.of()))).isEqualTo(NullPayloadValues.dropped(events));
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            assertThat(reader.getFooter().getBlocks()).hasSizeGreaterThan(1);
        }
    }

    @Test
    void eventsWithoutAnyPayloadReadBack() throws IOException {
        List<TracedEvent> events = new ArrayList<>();
        for (int i = 1; i <= 3 * SMALL_PAGES / 2; i++) {
            events.add(event(i, "BAR", "com.acme.Feed", Map.of()));
        }
        Path file = writeEvents(events, LARGE_ROW_GROUPS, SMALL_PAGES);

        assertThat(read(file, new TracedEventReadSupport(Set.of()))).isEqualTo(NullPayloadValues.dropped(events));
    }

    @Test
    void aTypedPayloadIsPlacedByItsOwnValuesAndOneItsColumnsCannotHoldFailsWithTheFileWhole() throws IOException {
        Path file = dir.resolve("events.parquet");
        TracedEventColumns columns = new TracedEventColumns(new Utf8Cache(), PayloadShape.NONE.with(
                Payload.builder(3).doubleValue("close", 1.5).longValue("volume", 1).text("side", "BUY").build()));
        ColumnFileWriter<TracedEvent> writer = new ColumnFileWriter<>(new LocalOutputFile(file), columns, zstd(),
                LARGE_ROW_GROUPS);
        List<TracedEvent> good = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            // Keys in another order than the columns', and every other row without a side.
            Payload.Builder data = Payload.builder(3).longValue("volume", -i * 1_000L).doubleValue("close", i / 2.0);
            TracedEvent e = event(i, "BAR", "com.acme.Feed", (i % 2 == 0 ? data.text("side", "SELL") : data).build());
            TracedEvent other = event(100 + i, "BAR", "com.acme.Feed",
                    Payload.builder(2).doubleValue("close", 7.5).text("side", null).build());
            // What the columns worked out for the payload they were asked about is not used for another.
            assertThat(columns.accepts(other)).isTrue();
            writer.write(e);
            good.add(e);
            if (i == 10) {
                TracedEvent finer = event(99, "BAR", "com.acme.Feed",
                        Payload.builder(1).doubleValue("close", 1.25).build());
                assertThat(columns.accepts(finer)).isFalse();
                assertThatThrownBy(() -> writer.write(finer)).isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(writer.failed()).isFalse();
        writer.close(Map.of());

        assertThat(read(file, new TracedEventReadSupport(Set.of()))).isEqualTo(NullPayloadValues.dropped(good));
    }

    @Test
    void aRowMissingARequiredStringFailsAndLeavesTheFileWhole() throws IOException {
        Path file = dir.resolve("events.parquet");
        TracedEventColumns columns = new TracedEventColumns(new Utf8Cache(),
                PayloadShape.NONE.with(Map.of("close", "1")));
        ColumnFileWriter<TracedEvent> writer = new ColumnFileWriter<>(new LocalOutputFile(file), columns, zstd(),
                LARGE_ROW_GROUPS);
        List<TracedEvent> good = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            TracedEvent e = event(i, "BAR", "com.acme.Feed", Map.of("close", "101." + i));
            writer.write(e);
            good.add(e);
            if (i == 10) {
                Map<String, String> nullKey = new HashMap<>();
                nullKey.put("close", "1");
                nullKey.put(null, "2");
                assertThatThrownBy(() -> writer.write(event(99, null, "com.acme.Feed", Map.of())))
                        .isInstanceOf(NullPointerException.class);
                assertThatThrownBy(() -> writer.write(event(99, "BAR", "com.acme.Feed", null)))
                        .isInstanceOf(NullPointerException.class);
                // The partitioned writer asks first, and a null key never gets a column.
                assertThatThrownBy(() -> columns.accepts(event(99, "BAR", "com.acme.Feed", nullKey)))
                        .isInstanceOf(NullPointerException.class);
            }
        }
        assertThat(writer.failed()).isFalse();
        writer.close(Map.of());

        assertThat(read(file, new TracedEventReadSupport(Set.of()))).isEqualTo(good);
    }

    private static final String[] TYPES = {"BAR", "SIGNAL", "FILL", "TRACER_DATA_LOSS", "Ünïcödé ✓"};
    private static final String[] KEYS = {"type", "timestamp", "symbol", "open", "high", "low", "close", "volume",
            "side", "reason", "ключ", "a.b.size"};

    /** Events with every shape a field can take: nulls, extremes, empty and null-valued maps, long values. */
    private static List<TracedEvent> events(Random random, int n) {
        List<TracedEvent> events = new ArrayList<>();
        long t = 1_700_000_000_000_000L;
        for (int i = 1; i <= n; i++) {
            t += random.nextInt(1_000);
            long id = i % 5_000 == 0 ? -i : i;
            long causation = random.nextInt(3) == 0 ? TracedEvent.ABSENT : i - 1 - random.nextInt(3);
            boolean handled = random.nextInt(4) != 0;
            long timestamp = switch (i % 7_919) {
                case 1 -> Long.MAX_VALUE;
                case 2 -> Long.MIN_VALUE + 1;
                default -> t - random.nextInt(100);
            };
            events.add(new TracedEvent(id, pick(random, TYPES), timestamp, i % 3_000 < 2_000 ? "run-1" : "run-2",
                    causation, "com.acme.Component" + random.nextInt(4), t, t + random.nextInt(3),
                    handled ? t + 3 : TracedEvent.ABSENT, handled && random.nextBoolean() ? t + 9 : TracedEvent.ABSENT,
                    payload(random), TracedEvent.CURRENT_VERSION, i, random.nextBoolean() ? "" : "SYM" + random.nextInt(20)));
        }
        return events;
    }

    private static Map<String, String> payload(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return Map.of();
        }
        Map<String, String> data = new LinkedHashMap<>();
        int entries = 1 + random.nextInt(KEYS.length);
        for (int k = 0; k < entries; k++) {
            String value = switch (random.nextInt(12)) {
                case 0 -> null;
                case 1 -> "";
                case 2 -> "ünïcödé €" + random.nextInt(10);
                // Long values fill some pages' bytes before their row limit.
                case 3 -> kind == 1 ? "x".repeat(30_000 + random.nextInt(30_000)) : "LONG";
                default -> Double.toString(random.nextDouble() * 1_000);
            };
            data.put(KEYS[(k * 5 + kind) % KEYS.length], value);
        }
        return data;
    }

    private static TracedEvent event(long id, String type, String source, Map<String, String> data) {
        long t = 1_700_000_000_000_000L + id * 10;
        return new TracedEvent(id, type, t, "run", TracedEvent.ABSENT, source, t, t, t + 1, t + 2, data,
                TracedEvent.CURRENT_VERSION, id, "");
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** One file holds them all: its payload columns are those every event needs. */
    private Path writeEvents(List<TracedEvent> events, long rowGroupBytes, int maxPageRows) throws IOException {
        Path file = dir.resolve("events.parquet");
        PayloadShape shape = PayloadShape.NONE;
        for (TracedEvent e : events) {
            shape = shape.with(e.data());
        }
        ColumnFileWriter<TracedEvent> writer = new ColumnFileWriter<>(new LocalOutputFile(file),
                new TracedEventColumns(new Utf8Cache(), shape), zstd(), rowGroupBytes, maxPageRows);
        for (TracedEvent e : events) {
            writer.write(e);
        }
        writer.close(Map.of());
        return file;
    }

    private static PureJavaCodecs.PageCompressor zstd() {
        return PureJavaCodecs.INSTANCE.pageCompressor();
    }

    private static <T> List<T> read(Path file, ReadSupport<T> readSupport) throws IOException {
        List<T> rows = new ArrayList<>();
        try (ParquetReader<T> reader = new ParquetReader.Builder<T>(new LocalInputFile(file)) {
                    @Override
                    protected ReadSupport<T> getReadSupport() {
                        return readSupport;
                    }
                }
                .withConf(HadoopFiles.configuration())
                .withCodecFactory(PureJavaCodecs.INSTANCE)
                .build()) {
            for (T row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static ColumnChunkMetaData column(BlockMetaData rowGroup, String path) {
        return rowGroup.getColumns().stream().filter(c -> c.getPath().toDotString().equals(path)).findFirst()
                .orElseThrow();
    }
}
