package dev.evtrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link EventDatasetReader#stream} merges a run's files into sequence order, and opens them only as it goes. */
class EventStreamTest {
    private static final long T0 = 1_764_000_000_000_000L;

    @TempDir
    Path dir;

    /** Two writers, two runs each, one after the other; a file rolls every 40 rows of its type. */
    private EventDatasetReader manyFiles() throws IOException {
        List<String> runs = List.of("run-a", "run-b", "run-c", "run-d");
        for (int w = 0; w < 2; w++) {
            try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions("w" + w, 40, Map.of()))) {
                for (String run : runs.subList(2 * w, 2 * w + 2)) {
                    for (long id = 1; id <= 600; id++) {
                        String type = id % 5 == 0 ? "FILL" : id % 5 == 4 ? "SIGNAL" : "BAR";
                        writer.write(EventDatasetTest.event(run, id, type, type.equals("BAR") ? 0 : id - 1));
                    }
                }
            }
        }
        return new EventDatasetReader(dir.toString());
    }

    private static List<TracedEvent> drain(EventStream stream) {
        List<TracedEvent> events = new ArrayList<>();
        try (stream) {
            stream.forEachRemaining(events::add);
        }
        return events;
    }

    @Test
    void mergesARunsManyFilesIntoSequenceOrder() throws IOException {
        EventDatasetReader reader = manyFiles();
        assertThat(reader.files()).as("files of one run and type").hasSizeGreaterThan(30);
        for (String run : List.of("run-a", "run-d")) {
            List<TracedEvent> streamed = drain(reader.stream(EventQuery.run(run)));
            assertThat(streamed).hasSize(600).extracting(TracedEvent::sequenceNumber).isSorted().doesNotHaveDuplicates();
            assertThat(streamed).containsExactlyElementsOf(reader.read(EventQuery.run(run)));
        }
        assertThat(drain(reader.stream(EventQuery.run("run-x")))).isEmpty();
    }

    @Test
    void typesTimesAndProjectionSelectAsTheReadDoes() throws IOException {
        EventDatasetReader reader = manyFiles();
        EventQuery query = EventQuery.run("run-c").withTypes(Set.of("FILL", "SIGNAL")).between(T0 + 1_000, T0 + 4_000)
                .withColumns(Set.of(EventSchema.CAUSATION_ID));
        List<TracedEvent> streamed = drain(reader.stream(query));
        assertThat(streamed).hasSize(121).extracting(TracedEvent::sequenceNumber).isSorted();
        assertThat(streamed).extracting(TracedEvent::eventId, TracedEvent::causationId)
                .containsExactlyElementsOf(reader.read(query.withColumns(Set.of())).stream()
                        .map(e -> Tuple.tuple(e.eventId(), e.causationId())).toList());
    }

    /**
     * A file whose first sequence number the merge has not reached is not open: once the stream has its first rows,
     * every file is deleted; the open one still reads to its end, the next fails as it opens, and closing succeeds.
     */
    @Test
    void opensAFileOnlyWhenTheMergeReachesIt() throws IOException {
        try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions("w", 50, Map.of()))) {
            for (long id = 1; id <= 500; id++) {
                writer.write(EventDatasetTest.event("run-a", id, "BAR", 0));
            }
        }
        EventDatasetReader reader = new EventDatasetReader(dir.toString());
        assertThat(reader.files()).hasSize(10);
        EventStream stream = reader.stream(EventQuery.run("run-a"));
        List<TracedEvent> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(stream.next());
        }
        for (EventDatasetReader.DataFile file : reader.files()) {
            Files.delete(Path.of(file.path().toUri()));
        }
        while (first.size() < 50) {
            first.add(stream.next());
        }
        assertThat(first).extracting(TracedEvent::eventId).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 50).boxed().toList());
        assertThatThrownBy(stream::next).as("the second file, once reached").isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot read");
        stream.close();
        stream.close();
    }

    @Test
    void footersBoundTheIdsAndTypesAQueryMaySelect() throws IOException {
        EventDatasetReader reader = manyFiles();
        assertThat(reader.maxEventId(EventQuery.run("run-b"))).hasValue(600);
        assertThat(reader.maxEventId(EventQuery.run("run-b").withTypes(Set.of("FILL")))).hasValue(600);
        assertThat(reader.maxEventId(EventQuery.run("run-b").withEventIds(1, 100)).getAsLong()).as("a bound").isBetween(100L, 200L);
        assertThat(reader.maxEventId(EventQuery.run("run-x"))).isEmpty();
        assertThat(reader.types(EventQuery.run("run-a"))).containsExactly("BAR", "FILL", "SIGNAL");
        assertThat(reader.types(EventQuery.run("run-a").withTypes(Set.of("SIGNAL")))).containsExactly("SIGNAL");
        assertThat(reader.types(EventQuery.run("run-x"))).isEmpty();
    }

    @Test
    void aStreamIsOfOneRun() throws IOException {
        EventDatasetReader reader = manyFiles();
        assertThatThrownBy(() -> reader.stream(EventQuery.all())).isInstanceOf(IllegalArgumentException.class);
    }
}
