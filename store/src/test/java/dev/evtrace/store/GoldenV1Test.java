package dev.evtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Files written by schema version 1 ({@link GoldenV1} says how) still read, field for field. */
class GoldenV1Test {
    private final EventDatasetReader reader = new EventDatasetReader(golden());

    @Test
    void listsTheThreeV1FilesWithTheirPartitions() {
        assertThat(reader.files()).extracting(f -> f.date() + " " + f.type() + " " + f.path().getName()).containsExactly(
                "2025-01-02 BAR part-golden-00000.parquet",
                "2025-01-02 FILL part-golden-00002.parquet",
                "2025-01-02 SIGNAL part-golden-00001.parquet");
    }

    @Test
    void readsEveryFieldOfEveryV1Event() {
        assertThat(reader.read(EventQuery.all())).hasSize(20).isEqualTo(GoldenV1.events());
    }

    @Test
    void readsRootsPayloadsAndAbsentTimesAsVersion1WroteThem() {
        Map<Long, TracedEvent> byId = new LinkedHashMap<>();
        reader.read(EventQuery.all()).forEach(e -> byId.put(e.eventId(), e));

        assertThat(byId.get(1L)).isEqualTo(new TracedEvent(1, "BAR", 1_735_828_200_000_000L, "golden-run",
                TracedEvent.ABSENT, "com.acme.DataFeed", 1_735_828_200_000_010L, 1_735_828_200_000_011L,
                1_735_828_200_000_012L, 1_735_828_200_000_017L,
                Map.of("symbol", "AAPL", "close", "101.25", "venue", "SIX Zürich"), "1", 1, "AAPL"));

        TracedEvent fill = byId.get(4L);
        assertThat(fill).extracting(TracedEvent::eventType, TracedEvent::causationId, TracedEvent::timestamp,
                        TracedEvent::createdAt, TracedEvent::emittedAt, TracedEvent::receivedAt, TracedEvent::processedAt,
                        TracedEvent::partitionKey)
                .containsExactly("FILL", 3L, 1_735_828_260_000_000L, 1_735_828_260_000_040L, 1_735_828_260_000_041L,
                        TracedEvent.ABSENT, TracedEvent.ABSENT, "");
        assertThat(fill.data()).containsOnlyKeys("symbol", "qty", "note").containsEntry("note", null)
                .containsEntry("symbol", "NESN.SW").containsEntry("qty", "10");

        assertThat(byId.get(7L)).extracting(TracedEvent::eventType, TracedEvent::causationId, TracedEvent::data,
                        TracedEvent::receivedAt, TracedEvent::processedAt)
                .containsExactly("SIGNAL", 6L, Map.of(), 1_735_828_380_000_073L, 1_735_828_380_000_079L);
    }

    @Test
    void filtersV1FilesByRunTypeAndTime() {
        assertThat(reader.read(EventQuery.run("golden-run").withTypes(Set.of("SIGNAL"))))
                .extracting(TracedEvent::eventId).containsExactly(3L, 7L, 10L, 14L, 17L);
        assertThat(reader.read(EventQuery.all().between(1_735_828_260_000_000L, 1_735_828_260_000_000L)))
                .extracting(TracedEvent::eventId).containsExactly(2L, 3L, 4L);
        assertThat(reader.read(EventQuery.run("another-run"))).isEmpty();
    }

    private static String golden() {
        try {
            return Path.of(GoldenV1Test.class.getResource("/golden/v1").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
