package dev.evtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.parquet.MixedRunFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reads that skip files and row groups by their footer statistics return exactly what a full scan filtered
 * in memory returns, on real files: several writers, runs that share files, and files of several row groups.
 */
class PushDownTest {
    private static final long T0 = 1_764_000_000_000_000L;
    private static final List<String> RUNS = List.of("run-a", "run-b", "run-c", "run-d");

    @TempDir
    Path dir;

    /** Two writers, two runs each one after the other; files roll every 70 rows, so some hold two runs. */
    private EventDatasetReader manyFiles() throws IOException {
        for (int w = 0; w < 2; w++) {
            try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions("w" + w, 70, Map.of()))) {
                for (String run : RUNS.subList(2 * w, 2 * w + 2)) {
                    for (long id = 1; id <= 250; id++) {
                        String type = id % 4 == 0 ? "FILL" : id % 4 == 3 ? "SIGNAL" : "BAR";
                        writer.write(EventDatasetTest.event(run, id, type, type.equals("BAR") ? 0 : id - 1));
                    }
                }
            }
        }
        return new EventDatasetReader(dir.toString());
    }

    private static List<TracedEvent> fullScan(EventDatasetReader reader, Predicate<TracedEvent> keep) {
        return reader.read(EventQuery.all()).stream().filter(keep).toList();
    }

    @Test
    void aRunReadsAsTheFullScanFiltersIt() throws IOException {
        EventDatasetReader reader = manyFiles();
        for (String run : RUNS) {
            assertThat(reader.read(EventQuery.run(run))).hasSize(250)
                    .containsExactlyElementsOf(fullScan(reader, e -> e.correlationId().equals(run)));
        }
        assertThat(reader.read(EventQuery.run("run-0"))).as("sorts before every run").isEmpty();
        assertThat(reader.read(EventQuery.run("run-bb"))).as("between two runs' names").isEmpty();
    }

    @Test
    void anEventIdReadsAsTheFullScanFiltersIt() throws IOException {
        EventDatasetReader reader = manyFiles();
        for (long id : new long[] {1, 69, 70, 71, 140, 250}) {
            assertThat(reader.read(EventQuery.all().withEventId(id)))
                    .containsExactlyElementsOf(fullScan(reader, e -> e.eventId() == id));
            assertThat(reader.read(EventQuery.run("run-c").withEventId(id)))
                    .containsExactlyElementsOf(fullScan(reader, e -> e.eventId() == id && e.correlationId().equals("run-c")));
        }
        assertThat(reader.read(EventQuery.all().withEventId(251))).isEmpty();
    }

    @Test
    void findsTheRunsOfAnIdAsTheFullScanDoes() throws IOException {
        EventDatasetReader reader = manyFiles();
        for (long id : new long[] {1, 4, 70, 249, 251}) {
            assertThat(reader.runsWithEvent(id)).containsExactlyElementsOf(new TreeSet<>(
                    fullScan(reader, e -> e.eventId() == id).stream().map(TracedEvent::correlationId).toList()));
        }
    }

    @Test
    void typesTimesAndProjectionCombineWithTheRun() throws IOException {
        EventDatasetReader reader = manyFiles();
        EventQuery query = EventQuery.run("run-b").withTypes(Set.of("FILL", "SIGNAL")).between(T0 + 500, T0 + 1500)
                .withColumns(Set.of(EventSchema.CAUSATION_ID));
        List<TracedEvent> expected = fullScan(reader, e -> e.correlationId().equals("run-b")
                && Set.of("FILL", "SIGNAL").contains(e.eventType()) && e.timestamp() >= T0 + 500 && e.timestamp() <= T0 + 1500);
        // Without sequence_number in the projection there is no order to sort by: file order.
        assertThat(reader.read(query)).extracting(TracedEvent::eventId, TracedEvent::eventType, TracedEvent::causationId)
                .containsExactlyInAnyOrderElementsOf(expected.stream()
                        .map(e -> Tuple.tuple(e.eventId(), e.eventType(), e.causationId())).toList());
    }

    @Test
    void rowsToScanBoundsWhatTheScanReadsAndSkipsOtherRuns() throws IOException {
        EventDatasetReader reader = manyFiles();
        assertThat(reader.rowsToScan(EventQuery.all())).isEqualTo(1000);
        assertThat(reader.rowsToScan(EventQuery.run("run-a"))).isBetween(250L, 250L + 2 * 3 * 70);
        assertThat(reader.rowsToScan(EventQuery.run("run-a").withTypes(Set.of("FILL")))).isBetween(62L, 62L + 70);
        assertThat(reader.rowsToScan(EventQuery.run("run-z"))).isZero();
    }

    /**
     * One file of several row groups (small ones: payloads that do not compress fill them), two runs one after
     * the other in it, as another writer may leave them: the groups of one run are summed from the footer, only
     * a group holding both runs is read.
     */
    @Test
    void summarizesFromFootersAndReadsOnlyTheRowGroupsThatMixRuns() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<TracedEvent> events = new ArrayList<>();
        for (String run : List.of("run-a", "run-b")) {
            for (long id = 1; id <= 2_500; id++) {
                long t = T0 + id * 10;
                events.add(new TracedEvent(id, "BAR", t, run, 0, "feed", t, t, t + 1, t + 2,
                        Map.of("noise", noise(random)), TracedEvent.CURRENT_VERSION, id, ""));
            }
        }
        MixedRunFiles.write(dir.resolve("events/date=2025-11-24/type=BAR/part-other-00000.parquet"), events,
                256 * 1024);
        EventDatasetReader reader = new EventDatasetReader(dir.toString());
        assertThat(reader.files()).hasSize(1);
        List<RowGroupSummary> groups = new ArrayList<>();
        List<TracedEvent> mixed = new ArrayList<>();
        reader.summarize(groups::add, Set.of(EventSchema.CORRELATION_ID), mixed::add);

        assertThat(groups.size()).as("row groups summed from the footer").isGreaterThanOrEqualTo(2);
        assertThat(mixed.size()).as("rows read").isPositive().isLessThan(2_500);
        Map<String, Long> counted = new HashMap<>();
        groups.forEach(g -> counted.merge(g.run(), g.events(), Long::sum));
        mixed.forEach(e -> counted.merge(e.correlationId(), 1L, Long::sum));
        assertThat(counted).isEqualTo(Map.of("run-a", 2_500L, "run-b", 2_500L));
        assertThat(reader.read(EventQuery.run("run-b"))).hasSize(2_500).allMatch(e -> e.correlationId().equals("run-b"))
                .extracting(TracedEvent::eventId).isSorted();
    }

    /** Footers written by parquet-mr's own record writer (the golden version 1 files) are read alike. */
    @Test
    void prunesAndSummarizesFilesOfTheEarlierWriter() throws URISyntaxException {
        EventDatasetReader reader = new EventDatasetReader(Path.of(getClass().getResource("/golden/v1").toURI()).toString());
        for (long id = 0; id <= 21; id++) {
            long eventId = id;
            assertThat(reader.read(EventQuery.run(GoldenV1.RUN).withEventId(id)))
                    .containsExactlyElementsOf(fullScan(reader, e -> e.eventId() == eventId));
        }
        assertThat(reader.rowsToScan(EventQuery.run("other-run"))).isZero();
        List<RowGroupSummary> groups = new ArrayList<>();
        reader.summarize(groups::add, Set.of(), e -> groups.add(null));
        Map<String, Long> counted = new HashMap<>();
        groups.forEach(g -> counted.merge(g.type(), g.events(), Long::sum));
        Map<String, Long> scanned = new HashMap<>();
        fullScan(reader, e -> true).forEach(e -> scanned.merge(e.eventType(), 1L, Long::sum));
        assertThat(counted).isEqualTo(scanned);
        assertThat(groups).extracting(RowGroupSummary::minSequence).as("BAR, FILL, SIGNAL files").containsExactly(1L, 4L, 3L);
    }

    private static String noise(SplittableRandom random) {
        byte[] bytes = new byte[2_048];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
