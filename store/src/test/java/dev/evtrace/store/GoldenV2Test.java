package dev.evtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.junit.jupiter.api.Test;

/** Files written by schema version 2 ({@link GoldenV2} says how) still read, field for field and type for type. */
class GoldenV2Test {
    private final Path golden = golden();
    private final EventDatasetReader reader = new EventDatasetReader(golden.toString());

    @Test
    void readsEveryFieldOfEveryV2EventWithNullPayloadValuesAbsent() {
        List<TracedEvent> expected = NullPayloadValues.dropped(GoldenV2.events());
        assertThat(reader.read(EventQuery.all())).hasSize(20).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void readsEveryDeliveryWrittenBesideV2EventsWithItsTwoTimestamps() throws IOException {
        assertThat(reader.deliveries(null)).containsExactlyElementsOf(GoldenV2Deliveries.deliveries());
        try (Stream<Path> files = Files.walk(golden.resolve("deliveries"))) {
            Path file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
            try (ParquetFileReader parquet = ParquetFileReader.open(new LocalInputFile(file))) {
                assertThat(parquet.getFooter().getFileMetaData().getSchema().containsField("processed_at")).isTrue();
            }
        }
    }

    @Test
    void keepsNumbersAsTypedColumnsAndWidensAColumnInANewFileWhenAValueDoesNotFit() throws IOException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(golden.resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).sorted().toList()) {
                try (ParquetFileReader parquet = ParquetFileReader.open(new LocalInputFile(file))) {
                    GroupType data = parquet.getFooter().getFileMetaData().getSchema().getType("data").asGroupType();
                    data.getFields().forEach(f -> types.put(file.getFileName() + " " + f.getName(),
                            f.asPrimitiveType().getPrimitiveTypeName() + " " + f.getLogicalTypeAnnotation()));
                }
            }
        }
        assertThat(types).containsExactly(
                // The first bar's VWAP was a price in cents; the second's was not, so the next file holds doubles.
                Map.entry("part-golden-00000.parquet symbol", "BINARY STRING"),
                Map.entry("part-golden-00000.parquet close", "INT64 DECIMAL(18,2)"),
                Map.entry("part-golden-00000.parquet volume", "INT64 null"),
                Map.entry("part-golden-00000.parquet vwap", "INT64 DECIMAL(18,2)"),
                Map.entry("part-golden-00000.parquet venue", "BINARY STRING"),
                Map.entry("part-golden-00001.parquet symbol", "BINARY STRING"),
                Map.entry("part-golden-00001.parquet close", "INT64 DECIMAL(18,2)"),
                Map.entry("part-golden-00001.parquet volume", "INT64 null"),
                Map.entry("part-golden-00001.parquet vwap", "DOUBLE null"),
                Map.entry("part-golden-00001.parquet venue", "BINARY STRING"),
                // The last order's quantity was text: its file keeps the column as text.
                Map.entry("part-golden-00002.parquet side", "BINARY STRING"),
                Map.entry("part-golden-00002.parquet qty", "INT64 null"),
                Map.entry("part-golden-00003.parquet side", "BINARY STRING"),
                Map.entry("part-golden-00003.parquet qty", "BINARY STRING"));
    }

    @Test
    void readsNumbersBackAsTheTextTheyWouldHaveHad() {
        Map<Long, TracedEvent> byId = new LinkedHashMap<>();
        reader.read(EventQuery.all()).forEach(e -> byId.put(e.eventId(), e));
        assertThat(byId.get(1L).data()).containsExactly(Map.entry("symbol", "AAPL"), Map.entry("close", "101.25"),
                Map.entry("volume", "1000000"), Map.entry("vwap", "101.25"), Map.entry("venue", "SIX Zürich"));
        assertThat(byId.get(2L).data()).containsEntry("vwap", Double.toString(101.25 + 1 / 3.0))
                .containsEntry("close", "101.26");
        assertThat(byId.get(5L).data()).containsExactly(Map.entry("side", "BUY"), Map.entry("qty", "40"));
        assertThat(byId.get(20L).data()).containsExactly(Map.entry("side", "BUY"), Map.entry("qty", "10 lots"));
    }

    private static Path golden() {
        try {
            return Path.of(GoldenV2Test.class.getResource("/golden/v2").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
