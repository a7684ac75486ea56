package dev.evtrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evtrace.store.parquet.MixedRunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventDatasetTest {
    private static final long T0 = 1_764_000_000_000_000L;

    @TempDir
    Path dir;

    static TracedEvent event(String run, long id, String type, long causation) {
        long t = T0 + id * 10;
        return new TracedEvent(id, type, t, run, causation, "com.acme.Strategy", t, t + 1, t + 2, t + 5,
                Map.of("symbol", "SYM" + (id % 3), "price", Double.toString(100 + id)), TracedEvent.CURRENT_VERSION, id, "");
    }

    private void writeTwoRuns(long rollEvents) throws IOException {
        try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions("w1", rollEvents, Map.of()))) {
            for (String run : List.of("run-a", "run-b")) {
                for (long id = 1; id <= 300; id++) {
                    writer.write(event(run, id, id % 3 == 0 ? "SIGNAL" : "BAR", id % 3 == 0 ? id - 1 : 0));
                }
            }
        }
    }

    @Test
    void readsBackEveryFieldOfEveryEvent() throws IOException {
        writeTwoRuns(1_000);
        List<TracedEvent> events = new EventDatasetReader(dir.toString()).read(EventQuery.all());
        assertThat(events).hasSize(600);
        assertThat(events.get(0)).isEqualTo(event("run-a", 1, "BAR", 0));
        assertThat(events.get(2)).isEqualTo(event("run-a", 3, "SIGNAL", 2));
    }

    @Test
    void selectsOneRunAndTypeAndTimeRange() throws IOException {
        writeTwoRuns(1_000);
        EventDatasetReader reader = new EventDatasetReader(dir.toString());
        assertThat(reader.read(EventQuery.run("run-b"))).hasSize(300).allMatch(e -> e.correlationId().equals("run-b"));
        assertThat(reader.read(EventQuery.run("run-b").withTypes(Set.of("SIGNAL")))).hasSize(100);
        assertThat(reader.read(EventQuery.run("run-a").between(T0 + 100, T0 + 200))).extracting(TracedEvent::eventId)
                .containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
        assertThat(reader.read(EventQuery.all().withEventId(42))).hasSize(2);
    }

    @Test
    void projectsOnlyTheRequestedColumns() throws IOException {
        writeTwoRuns(1_000);
        List<TracedEvent> events = new EventDatasetReader(dir.toString())
                .read(EventQuery.run("run-a").withColumns(Set.of(EventSchema.CREATED_AT)));
        assertThat(events).hasSize(300);
        assertThat(events.get(0).createdAt()).isEqualTo(T0 + 10);
        assertThat(events.get(0).data()).isEmpty();
        assertThat(events.get(0).sourceContainer()).isEmpty();
    }

    @Test
    void writesHivePartitionsAndRollsFiles() throws IOException {
        writeTwoRuns(50);
        List<EventDatasetReader.DataFile> files = new EventDatasetReader(dir.toString()).files();
        assertThat(files).extracting(EventDatasetReader.DataFile::type).containsOnly("BAR", "SIGNAL");
        assertThat(files).extracting(EventDatasetReader.DataFile::date).containsOnly("2025-11-24");
        assertThat(files).hasSize(4 + 2 + 4 + 2);
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.startsWith("part-w1-") && name.endsWith(".parquet"));
        }
    }

    @Test
    void keepsHostileTypeNamesInsideTheStore() throws IOException {
        try (EventDatasetWriter writer = new EventDatasetWriter(dir.resolve("store").toString(), WriterOptions.defaults())) {
            writer.write(event("r", 1, "../escape", 0));
            writer.write(event("r", 2, "a/b", 0));
        }
        assertThat(dir.resolve("escape")).doesNotExist();
        List<TracedEvent> events = new EventDatasetReader(dir.resolve("store").toString()).read(EventQuery.all());
        assertThat(events).extracting(TracedEvent::eventType).containsExactly("../escape", "a/b");
        try (Stream<Path> all = Files.walk(dir.resolve("store"), 3)) {
            assertThat(all.map(p -> p.getFileName().toString())).contains("type=..%2Fescape", "type=a%2Fb");
        }
    }

    @Test
    void filesInProgressAreInvisible() throws IOException {
        EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), WriterOptions.defaults());
        writer.write(event("r", 1, "BAR", 0));
        assertThat(new EventDatasetReader(dir.toString()).read(EventQuery.all())).isEmpty();
        writer.flush();
        assertThat(new EventDatasetReader(dir.toString()).read(EventQuery.all())).hasSize(1);
        writer.close();
    }

    @Test
    void namesTheCorruptFile() throws IOException {
        writeTwoRuns(1_000);
        Path bad = dir.resolve("events/date=2025-11-24/type=BAR/part-x-00000.parquet");
        Files.writeString(bad, "this is not parquet");
        assertThatThrownBy(() -> new EventDatasetReader(dir.toString()).read(EventQuery.all()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("part-x-00000.parquet");
    }

    @Test
    void keepsDeliveriesInADatasetOfTheirOwn() throws IOException {
        try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), WriterOptions.defaults())) {
            writer.write(event("run-a", 1, "BAR", 0));
            writer.write(new Delivery("run-a", 1, "BAR", "com.acme.Strategy", "main", T0 + 12, T0 + 15, false));
            writer.write(new Delivery("run-a", 1, "BAR", "com.acme.Portfolio", "main", T0 + 15, T0 + 19, true));
            writer.write(new Delivery("run-b", 7, "FILL", "com.acme.Portfolio", "pool-1", T0 + 30, T0 + 31, false));
        }
        EventDatasetReader reader = new EventDatasetReader(dir.toString());
        assertThat(reader.deliveries("run-a")).containsExactly(
                new Delivery("run-a", 1, "BAR", "com.acme.Strategy", "main", T0 + 12, T0 + 15, false),
                new Delivery("run-a", 1, "BAR", "com.acme.Portfolio", "main", T0 + 15, T0 + 19, true));
        assertThat(reader.deliveries(null)).hasSize(3);
        assertThat(reader.read(EventQuery.all())).hasSize(1);
        assertThat(dir.resolve("deliveries/date=2025-11-24")).isDirectory();
    }

    @Test
    void reportsAStoreWithoutEvents() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> new EventDatasetReader(dir.resolve("empty").toString()))
                .isInstanceOf(StoreException.class)
                .hasMessage("no events in " + dir.resolve("empty") + " (no events/ directory)");
    }

    @Test
    void summarizesRunsFromFootersWithoutReadingRows() throws IOException {
        writeTwoRuns(100);
        List<RowGroupSummary> groups = new ArrayList<>();
        List<TracedEvent> scanned = new ArrayList<>();
        new EventDatasetReader(dir.toString()).summarize(groups::add, Set.of(), scanned::add);
        assertThat(scanned).isEmpty();
        assertThat(groups).extracting(RowGroupSummary::run).containsOnly("run-a", "run-b");
        assertThat(groups.stream().filter(g -> g.run().equals("run-a") && g.type().equals("SIGNAL"))
                .mapToLong(RowGroupSummary::events).sum()).isEqualTo(100);
        assertThat(groups.stream().filter(g -> g.run().equals("run-b")).mapToLong(RowGroupSummary::minCreated).min().orElseThrow())
                .isEqualTo(T0 + 10);
        assertThat(groups.stream().mapToLong(RowGroupSummary::maxProcessed).max().orElseThrow()).isEqualTo(T0 + 3000 + 5);
    }

    @Test
    void keepsRunsInFilesOfTheirOwnAndScansOnlyFilesThatMixRuns() throws IOException {
        try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), WriterOptions.defaults())) {
            writer.write(event("run-a", 1, "BAR", 0));
            writer.write(event("run-b", 1, "BAR", 0));
            writer.write(event("run-a", 2, "BAR", 0));
        }
        List<RowGroupSummary> groups = new ArrayList<>();
        List<TracedEvent> scanned = new ArrayList<>();
        new EventDatasetReader(dir.toString()).summarize(groups::add, Set.of(EventSchema.CORRELATION_ID), scanned::add);
        assertThat(groups).extracting(RowGroupSummary::run, RowGroupSummary::events)
                .containsExactlyInAnyOrder(tuple("run-a", 2L), tuple("run-b", 1L));
        assertThat(scanned).isEmpty();

        // A file of another writer, with both runs in one row group, is read.
        MixedRunFiles.write(dir.resolve("events/date=2025-11-24/type=BAR/part-other-00000.parquet"),
                List.of(event("run-a", 3, "BAR", 0), event("run-b", 2, "BAR", 0)), 1 << 20);
        groups.clear();
        new EventDatasetReader(dir.toString()).summarize(groups::add, Set.of(EventSchema.CORRELATION_ID), scanned::add);
        assertThat(groups).hasSize(2);
        assertThat(scanned).extracting(TracedEvent::correlationId).containsExactly("run-a", "run-b");
    }

    @Test
    void countsTheRowsOfCompletedAndOpenFilesButNotTheDataLossMarkers() throws IOException {
        EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions("w1", 40, Map.of()));
        for (long id = 1; id <= 130; id++) {
            writer.write(event("run-a", id, id % 3 == 0 ? "SIGNAL" : "BAR", 0));
            writer.write(new Delivery("run-a", id, "BAR", "Handler", "main", id, id + 1, false));
        }
        writer.write(event("run-a", -1, TracedEvent.DATA_LOSS, TracedEvent.ABSENT));
        // 130 events in rolled files and open ones: 80 of the 87 bars and 40 of the 43 signals already completed.
        assertThat(writer.written()).isEqualTo(130);
        assertThat(writer.deliveriesWritten()).isEqualTo(130);
        writer.close();
        assertThat(writer.written()).isEqualTo(130);
        assertThat(writer.deliveriesWritten()).isEqualTo(130);
        assertThat(writer.lostEvents()).isZero();
        assertThat(new EventDatasetReader(dir.toString()).read(EventQuery.all())).hasSize(131);
    }

    @Test
    void abandoningKeepsCompletedFilesAndDeletesAndCountsTheOpenOnes() throws IOException {
        EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions("w1", 1_000, Map.of()));
        for (long id = 1; id <= 10; id++) {
            writer.write(event("run-a", id, "BAR", 0));
            writer.write(new Delivery("run-a", id, "BAR", "Handler", "main", id, id + 1, false));
        }
        writer.write(event("run-a", -1, TracedEvent.DATA_LOSS, TracedEvent.ABSENT));
        writer.flush();
        for (long id = 11; id <= 15; id++) {
            writer.write(event("run-a", id, id % 2 == 0 ? "SIGNAL" : "BAR", 0));
        }
        writer.write(new Delivery("run-a", 11, "BAR", "Handler", "main", 11, 12, false));
        writer.write(event("run-a", -2, TracedEvent.DATA_LOSS, TracedEvent.ABSENT));

        writer.abandon();

        // The data-loss markers are rows, not events: neither count has them.
        assertThat(writer.written()).isEqualTo(15);
        assertThat(writer.lostEvents()).isEqualTo(5);
        assertThat(writer.deliveriesWritten()).isEqualTo(11);
        assertThat(writer.lostDeliveries()).isEqualTo(1);
        assertThat(new EventDatasetReader(dir.toString()).read(EventQuery.all())).extracting(TracedEvent::eventId)
                .containsExactlyInAnyOrder(-1L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".inprogress"));
        }
    }

    @Test
    void reportsAMissingStore() {
        assertThatThrownBy(() -> new EventDatasetReader(dir.resolve("nope").toString()))
                .isInstanceOf(StoreException.class)
                .hasMessage("no store at " + dir.resolve("nope"));
    }

    @Test
    void aRunsReadOpensOnlyTheFilesNamedForIt() throws IOException {
        try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions("w1", 1_000, Map.of()))) {
            for (String run : List.of("run-a", "run-b")) {
                for (long id = 1; id <= 30; id++) {
                    writer.write(event(run, id, id % 3 == 0 ? "SIGNAL" : "BAR", 0));
                }
                writer.write(new Delivery(run, 1, "BAR", "com.acme.Strategy", "main", T0 + 12, T0 + 15, false));
            }
        }
        // run-b's files become unreadable: a read of run-a that so much as looked at their footers would fail.
        String tagB = StoreLayout.runTag("run-b");
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path file : all.filter(f -> tagB.equals(StoreLayout.runTagOf(f.getFileName().toString()))).toList()) {
                Files.writeString(file, "not parquet");
            }
        }

        EventDatasetReader reader = new EventDatasetReader(dir.toString());
        assertThat(reader.read(EventQuery.run("run-a"))).hasSize(30);
        try (EventStream events = reader.stream(EventQuery.run("run-a").withTypes(Set.of("SIGNAL")))) {
            int n = 0;
            while (events.hasNext()) {
                assertThat(events.next().correlationId()).isEqualTo("run-a");
                n++;
            }
            assertThat(n).isEqualTo(10);
        }
        assertThat(reader.deliveries("run-a")).hasSize(1);
        assertThatThrownBy(() -> reader.read(EventQuery.all())).isInstanceOf(StoreException.class)
                .hasMessageContaining("run" + tagB);
    }

    @Test
    void fileNamesCarryTheirRunsTag() {
        String name = StoreLayout.fileName("host-a-1-0badcafe", StoreLayout.runTag("run.x/1"), 7);
        assertThat(StoreLayout.runTagOf(name)).isEqualTo(StoreLayout.runTag("run.x/1")).hasSize(8);
        assertThat(StoreLayout.runTagOf("part-host-run-1-0badcafe-00007.parquet")).isNull();
        assertThat(StoreLayout.runTagOf("part-other-00000.parquet")).isNull();
    }

    @Test
    void escapesAndUnescapesPartitionValues() {
        List<String> values = new ArrayList<>(List.of("BAR", "a/b", "..", "x=y", "émoji✓", ""));
        for (String v : values) {
            assertThat(StoreLayout.unescape(StoreLayout.escape(v))).isEqualTo(v);
            assertThat(StoreLayout.escape(v)).doesNotContain("/").isNotEqualTo("..");
        }
    }
}
