package dev.evtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;

/** Files written by schema version 3 ({@link GoldenV3} says how) still read, moment for moment. */
class GoldenV3Test {
    private final Path golden = golden();
    private final EventDatasetReader reader = new EventDatasetReader(golden.toString());

    @Test
    void readsEveryEventWithItsFourMomentsAndEveryDelivery() {
        assertThat(reader.read(EventQuery.all())).containsExactlyInAnyOrderElementsOf(GoldenV3.events());
        assertThat(reader.deliveries(null)).containsExactlyElementsOf(GoldenV3.deliveries());
    }

    @Test
    void readsTheMomentsAQueryAsksForWithoutTheRest() {
        EventQuery processedOnly = EventQuery.run(GoldenV3.RUN).withColumns(Set.of(EventSchema.PROCESSED_AT));
        Map<Long, Long> processed = new HashMap<>();
        reader.read(processedOnly).forEach(e -> processed.put(e.eventId(), e.processedAt()));
        GoldenV3.events().forEach(e -> assertThat(processed.get(e.eventId())).isEqualTo(e.processedAt()));
    }

    @Test
    void storesTheLaterMomentsAsMicrosecondsAfterCreatedAtAndTheLatestProcessedAtInTheFooter() throws IOException {
        Path bars = parquet("events/date=2026-12-04/type=BAR");
        try (ParquetFileReader parquet = ParquetFileReader.open(new LocalInputFile(bars))) {
            MessageType schema = parquet.getFooter().getFileMetaData().getSchema();
            assertThat(schema.getFields()).extracting(f -> f.getName()).containsSubsequence(
                    "created_at", "emit_us", "queue_us", "latency_us").doesNotContain("emitted_at", "processed_at");
            assertThat(schema.getType("latency_us").getLogicalTypeAnnotation()).isNull();
            long latest = GoldenV3.events().stream().filter(e -> e.eventType().equals("BAR"))
                    .mapToLong(TracedEvent::processedAt).max().orElseThrow();
            assertThat(parquet.getFooter().getFileMetaData().getKeyValueMetaData())
                    .containsEntry(EventSchema.MAX_PROCESSED_AT, Long.toString(latest));
        }
        try (ParquetFileReader parquet = ParquetFileReader.open(new LocalInputFile(parquet("deliveries/date=2026-12-04")))) {
            assertThat(parquet.getFooter().getFileMetaData().getSchema().containsField("duration_us")).isTrue();
        }
    }

    @Test
    void summarizesARunsEndFromTheFootersAlone() {
        long latest = GoldenV3.events().stream().mapToLong(TracedEvent::processedAt).max().orElseThrow();
        List<RowGroupSummary> groups = new ArrayList<>();
        reader.summarize(groups::add, Set.of(), e -> { throw new AssertionError("read rows of " + e); });
        assertThat(groups.stream().mapToLong(RowGroupSummary::maxProcessed).max().orElseThrow()).isEqualTo(latest);
    }

    private Path parquet(String dir) throws IOException {
        try (Stream<Path> files = Files.list(golden.resolve(dir))) {
            return files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
    }

    private static Path golden() {
        try {
            return Path.of(GoldenV3Test.class.getResource("/golden/v3").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
