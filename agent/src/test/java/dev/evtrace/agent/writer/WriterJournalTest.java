package dev.evtrace.agent.writer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal stays within its bound: past it, every open file is completed and the journal starts over. */
class WriterJournalTest {
    private static final long BOUND = 64 * 1024;

    @TempDir
    Path store;

    @Test
    void completesTheOpenFilesOnlyWhenTheJournalPassesItsBound() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WriterJournal journal = WriterJournal.open(store.toString(), "host-1-0000abcd", new PrintStream(err), BOUND);
        try (EventDatasetWriter writer = new EventDatasetWriter(store.toString(),
                new WriterOptions("host-1-0000abcd", 1_000_000, Map.of()))) {
            long id = 0;
            while (visible() == 0 && id < 100_000) {
                TracedEvent event = event(++id);
                journal.append(event);
                writer.write(event);
                journal.afterBatch(writer);
            }
            long firstCheckpoint = visible();
            // About one row in 30 bytes: far below the bound, a few rows each, far above it.
            assertThat(firstCheckpoint).isBetween(BOUND / 100, BOUND / 10);

            for (long i = 0; i < firstCheckpoint / 2; i++) {
                TracedEvent event = event(++id);
                journal.append(event);
                writer.write(event);
                journal.afterBatch(writer);
            }
            assertThat(visible()).as("nothing more completed below the bound").isEqualTo(firstCheckpoint);
            journal.delete();
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void isActiveOnlyWhereAJournalWasCreated() throws IOException {
        PrintStream err = new PrintStream(new ByteArrayOutputStream());
        WriterJournal local = WriterJournal.open(store.toString(), "host-1-0000abce", err);
        assertThat(local.active()).isTrue();
        local.delete();
        assertThat(WriterJournal.open("hdfs://namenode:8020/events", "host-1-0000abcf", err).active()).isFalse();
        assertThat(WriterJournal.none(err).active()).isFalse();
    }

    private long visible() {
        return new EventDatasetReader(store.toString()).read(EventQuery.all()).size();
    }

    private static TracedEvent event(long id) {
        long t = 1_764_000_000_000_000L + id * 17;
        return new TracedEvent(id, "BAR", t, "run-a", TracedEvent.ABSENT, "feed", t, t, t + 2, t + 9,
                Map.of("symbol", "SYM" + id % 20), TracedEvent.CURRENT_VERSION, id, "");
    }
}
