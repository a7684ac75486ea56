package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.journal.JournalRecovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a traced backtest (the journal is on by default): the journal it leaves holds the events of the
 * files it never completed, and recovering it (analyzer recover, or the next traced program on the store)
 * stores them, each once, up to the kill.
 */
class JournalCrashIT {
    @TempDir
    Path work;

    @Test
    void recoveringAKilledBacktestsJournalStoresTheEventsItsUnfinishedFilesHeld() throws Exception {
        Path store = work.resolve("events");
        KilledBacktest.run(store, 500);
        Path journals = JournalRecovery.journalDir(store.toString()).orElseThrow();
        assertThat(journals).isDirectoryContaining(p -> p.toString().endsWith(".journal"));
        long completedOnly = new EventDatasetReader(store.toString()).read(EventQuery.all()).size();

        JournalRecovery.Result result = JournalRecovery.recover(store.toString());

        assertThat(result.recovered()).isEqualTo(1);
        assertThat(result.events()).isPositive();
        assertThat(result.deliveries()).isPositive();
        List<Long> ids = new EventDatasetReader(store.toString()).read(EventQuery.all()).stream()
                .map(TracedEvent::eventId).sorted().toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize((int) (completedOnly + result.events()));
        // A prefix of the run: only the events still being published at the kill (their handlers' own events
        // were stored first) can be missing below the last one stored.
        long missingBelowLast = ids.get(ids.size() - 1) - ids.size();
        assertThat(missingBelowLast).isBetween(0L, 8L);
        assertThat(journals).isEmptyDirectory();
        try (Stream<Path> files = Files.walk(store)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".inprogress"));
        }
    }

    /** A full ring's loss markers are journaled like the events: a kill before any file completes keeps them. */
    @Test
    void theRecordOfEventsLostToAFullRingSurvivesAKill() throws Exception {
        Path store = work.resolve("events");
        KilledBacktest.run(store, 3_000, 0, List.of("-Dtracer.buffer.size=1024", "-Dtracer.overflow=drop",
                "-Dtracer.store.roll.seconds=3600"));
        assertThat(lossMarkers(store)).as("loss markers in completed files").isEmpty();

        JournalRecovery.recover(store.toString());

        assertThat(lossMarkers(store)).isNotEmpty()
                .allSatisfy(m -> assertThat(Long.parseLong(m.data().get("dropped_events"))
                        + Long.parseLong(m.data().get("dropped_deliveries"))).isPositive());
    }

    private static List<TracedEvent> lossMarkers(Path store) {
        return new EventDatasetReader(store.toString()).read(EventQuery.all().withTypes(Set.of(TracedEvent.DATA_LOSS)));
    }

    @Test
    void theNextTracedProgramOnTheStoreRecoversItByItself() throws Exception {
        Path store = work.resolve("events");
        KilledBacktest.run(store, 500);
        String killedRun = new EventDatasetReader(store.toString()).read(EventQuery.all()).get(0).correlationId();
        long completedOnly = new EventDatasetReader(store.toString()).read(EventQuery.run(killedRun)).size();

        JavaProcess next = JavaProcess.traced(List.of("-Dtracer.store=" + store), List.of("--symbols", "2", "--bars", "50"), work);

        assertThat(next.exitCode()).isZero();
        assertThat(next.tracerLines()).anyMatch(l -> l.matches("tracer: recovered \\d+ events and \\d+ deliveries that "
                + "1 killed tracer\\(s\\) left in .*"));
        List<TracedEvent> killed = new EventDatasetReader(store.toString()).read(EventQuery.run(killedRun));
        assertThat(killed.size()).isGreaterThan((int) completedOnly);
        assertThat(killed).extracting(TracedEvent::eventId).doesNotHaveDuplicates();
    }
}
