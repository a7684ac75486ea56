package dev.evtrace.store.journal;

import static dev.evtrace.store.journal.JournalTest.bar;
import static dev.evtrace.store.journal.JournalTest.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.StoreLayout;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer "killed" by leaving it: its journal released but not deleted, its open files never completed,
 * as the operating system leaves them after {@code kill -9}.
 */
class JournalRecoveryTest {
    private static final String WRITER = "host-1234-0000abcd";

    @TempDir
    Path store;

    /** A writer and its journal, written to as the agent's writer does: journal first, then the file. */
    private final class Traced {
        final EventDatasetWriter writer;
        final Journal journal;

        Traced() throws IOException {
            this(1_000_000);
        }

        /** Whose files also complete every {@code rollEvents} rows, between checkpoints. */
        Traced(long rollEvents) throws IOException {
            writer = new EventDatasetWriter(store.toString(), new WriterOptions(WRITER, rollEvents, Map.of()));
            journal = Journal.create(JournalRecovery.journalDir(store.toString()).orElseThrow(), WRITER);
        }

        void write(long fromId, long toId) throws IOException {
            for (long id = fromId; id <= toId; id++) {
                journal.append(bar("run-a", id));
                writer.write(bar("run-a", id));
                Delivery d = delivery("run-a", id, "Strategy");
                journal.append(d);
                writer.write(d);
            }
        }

        void roll() throws IOException {
            writer.flush();
            journal.checkpoint(writer.nextEventFileNumber(), writer.nextDeliveryFileNumber());
        }

        void kill() throws IOException {
            journal.close();
        }
    }

    @Test
    void restoresTheRowsOfTheFilesAKilledWriterNeverCompleted() throws IOException {
        Traced traced = killedAfter250();
        assertThat(new EventDatasetReader(store.toString()).read(EventQuery.run("run-a"))).hasSize(100);
        assertThat(unfinishedFiles()).isNotEmpty();

        JournalRecovery.Result result = JournalRecovery.recover(store.toString());

        assertThat(result).isEqualTo(new JournalRecovery.Result(1, 0, 150, 150, 0));
        assertEveryRowOnce(250);
        assertThat(unfinishedFiles()).isEmpty();
        assertThat(JournalRecovery.journalDir(store.toString()).orElseThrow()).isEmptyDirectory();
        assertThat(JournalRecovery.recover(store.toString())).isEqualTo(new JournalRecovery.Result(0, 0, 0, 0, 0));
    }

    @Test
    void skipsTheRowsOfFilesCompletedAfterTheLastCheckpoint() throws IOException {
        Traced traced = new Traced();
        traced.write(1, 100);
        traced.roll();
        traced.write(101, 250);
        // Killed while completing its files: they are complete, its journal still holds their rows.
        traced.writer.flush();
        traced.write(251, 260);
        traced.kill();

        JournalRecovery.Result result = JournalRecovery.recover(store.toString());

        assertThat(result).isEqualTo(new JournalRecovery.Result(1, 0, 10, 10, 300));
        assertEveryRowOnce(260);
    }

    @Test
    void skipsTheRowsOfFilesThatCompletedOnTheirOwnBetweenCheckpoints() throws IOException {
        Traced traced = new Traced(70);
        traced.write(1, 100);
        traced.roll();
        // Files of 70 rows complete as they fill; the journal keeps every row since the checkpoint.
        traced.write(101, 250);
        traced.kill();

        JournalRecovery.Result result = JournalRecovery.recover(store.toString());

        assertThat(result).isEqualTo(new JournalRecovery.Result(1, 0, 10, 10, 280));
        assertEveryRowOnce(250);
    }

    @Test
    void aRecoveryRepeatedBeforeItsJournalWasDeletedStoresNothingTwice() throws IOException {
        Traced traced = killedAfter250();
        Path journal = traced.journal.file();
        Path copy = Files.copy(journal, store.resolve("journal.copy"));

        JournalRecovery.recover(store.toString());
        // Killed after its files were complete and before it deleted the journal.
        Files.move(copy, journal);
        JournalRecovery.Result again = JournalRecovery.recover(store.toString());

        assertThat(again).isEqualTo(new JournalRecovery.Result(1, 0, 0, 0, 300));
        assertEveryRowOnce(250);
    }

    @Test
    void leavesTheJournalOfALiveWriterAlone() throws IOException {
        Traced traced = new Traced();
        traced.write(1, 10);

        assertThat(JournalRecovery.recover(store.toString())).isEqualTo(new JournalRecovery.Result(0, 1, 0, 0, 0));
        assertThat(traced.journal.file()).exists();
        assertThat(new EventDatasetReader(store.toString()).read(EventQuery.run("run-a"))).isEmpty();
        traced.roll();
        traced.journal.delete();
    }

    @Test
    void deletesAJournalItsWriterDiedCreatingOnceItIsAMinuteOld() throws IOException {
        Path dir = Files.createDirectories(JournalRecovery.journalDir(store.toString()).orElseThrow());
        Path abandoned = Files.write(dir.resolve("host-1-00000001.journal.creating"), new byte[64]);
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        Path starting = Files.write(dir.resolve("host-2-00000002.journal.creating"), new byte[64]);

        assertThat(JournalRecovery.recover(store.toString())).isEqualTo(new JournalRecovery.Result(0, 0, 0, 0, 0));

        assertThat(abandoned).doesNotExist();
        assertThat(starting).exists();
    }

    @Test
    void aStoreWithoutJournalsHasNothingToRecover() throws IOException {
        assertThat(JournalRecovery.recover(store.toString())).isEqualTo(new JournalRecovery.Result(0, 0, 0, 0, 0));
        assertThat(JournalRecovery.journalDir("hdfs://namenode/events")).isEmpty();
    }

    /** 100 events and deliveries in completed files, 150 more in open files and the journal, then killed. */
    private Traced killedAfter250() throws IOException {
        Traced traced = new Traced();
        traced.write(1, 100);
        traced.roll();
        traced.write(101, 250);
        traced.kill();
        return traced;
    }

    private void assertEveryRowOnce(long events) {
        EventDatasetReader reader = new EventDatasetReader(store.toString());
        List<TracedEvent> stored = reader.read(EventQuery.run("run-a"));
        assertThat(stored).extracting(TracedEvent::eventId).doesNotHaveDuplicates().hasSize((int) events);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(
                Stream.iterate(1L, id -> id + 1).limit(events).map(id -> bar("run-a", id)).toList());
        List<Delivery> deliveries = reader.deliveries("run-a");
        assertThat(deliveries).hasSize((int) events).extracting(Delivery::eventId).doesNotHaveDuplicates();
    }

    private List<Path> unfinishedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(f -> f.getFileName().toString().endsWith(StoreLayout.IN_PROGRESS_SUFFIX)).toList();
        }
    }
}
