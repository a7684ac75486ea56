package dev.evtrace.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.Payload;
import dev.evtrace.store.TracedEvent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final long T0 = 1_764_000_000_000_000L;

    @TempDir
    Path dir;

    static TracedEvent bar(String run, long id) {
        long t = T0 + id * 10;
        Payload data = Payload.builder(4).text("symbol", "SYM" + (id % 3)).doubleValue("close", 100.25 + id)
                .longValue("volume", 1_000 * id).build();
        return new TracedEvent(id, "BAR", t, run, 0, "com.acme.Feed", t, t, t + 2, t + 5, data,
                TracedEvent.CURRENT_VERSION, id, "");
    }

    static Delivery delivery(String run, long id, String handler) {
        long t = T0 + id * 10;
        return new Delivery(run, id, "BAR", handler, "main", t + 2, t + 4, id % 5 == 0);
    }

    @Test
    void readsBackEveryRowAsWritten() throws IOException {
        Map<String, String> plain = new HashMap<>();
        plain.put("side", "BUY");
        plain.put("comment", null);
        TracedEvent untyped = new TracedEvent(7, "ORDER", T0, "run-a", 6, null, T0, T0, 0, 0, plain, "2", 7, "p\u00e9");
        TracedEvent withNull = new TracedEvent(8, "FILL", T0, "run-a", 7, "src", T0, T0, 0, 0,
                Payload.builder(3).text("venue", null).longValue("qty", 5).text("city", "Zürich").build(), "2", 8, "");
        List<Object> rows = List.of(bar("run-a", 1), delivery("run-a", 1, "Strategy"), untyped, withNull,
                delivery("run-a", 1, "Chart"), bar("run-b", 1));
        try (Journal journal = Journal.create(dir, "w1")) {
            for (Object row : rows) {
                append(journal, row);
            }
            assertThat(read(journal.file()).rows()).containsExactlyElementsOf(rows);
        }
    }

    @Test
    void readsBackRowsWhoseStringsTakeTurnsBeforeAndAfterACheckpoint() throws IOException {
        String[] runs = {"run-a", "run-b", "run-c"};
        String[] handlers = {"Strategy", "Portfolio", "Broker", "Chart"};
        try (Journal journal = Journal.create(dir, "w1")) {
            for (int checkpoints = 0; checkpoints < 2; checkpoints++) {
                List<Object> rows = new ArrayList<>();
                for (long id = 1; id <= 30; id++) {
                    String run = runs[(int) (id % runs.length)];
                    rows.add(bar(run, id));
                    for (String handler : handlers) {
                        // Now and then the same text as another object, as a string built anew would be.
                        rows.add(delivery(id % 7 == 0 ? new String(run) : run, id,
                                id % 4 == 0 ? new String(handler) : handler));
                    }
                }
                for (Object row : rows) {
                    append(journal, row);
                }
                assertThat(read(journal.file()).rows()).containsExactlyElementsOf(rows);
                journal.checkpoint(checkpoints + 1, checkpoints + 1);
            }
        }
    }

    @Test
    void aRecordCutShortIsLeftOutAndEverythingBeforeItIsRead() throws IOException {
        Path file;
        try (Journal journal = Journal.create(dir, "w1")) {
            for (long id = 1; id <= 3; id++) {
                journal.append(bar("run-a", id));
            }
            file = journal.file();
        }
        List<Object> whole = read(file).rows();
        // The last record's length says more bytes than the file has left.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(endOfRecords(file) - 5);
        }
        assertThat(whole).hasSize(3);
        assertThat(read(file).rows()).containsExactly(bar("run-a", 1), bar("run-a", 2));
    }

    @Test
    void aCheckpointDropsTheRowsBeforeItAndRemembersTheWritersNextFiles() throws IOException {
        try (Journal journal = Journal.create(dir, "w1")) {
            journal.append(bar("run-a", 1));
            journal.append(delivery("run-a", 1, "Strategy"));
            journal.checkpoint(5, 3);
            journal.append(bar("run-a", 2));

            JournalReader.Contents contents = read(journal.file());
            assertThat(contents.rows()).containsExactly(bar("run-a", 2));
            assertThat(contents.nextEventFile()).isEqualTo(5);
            assertThat(contents.nextDeliveryFile()).isEqualTo(3);
        }
    }

    @Test
    void keepsLongStringsAndWideRows() throws IOException {
        Payload.Builder wide = Payload.builder(40);
        for (int i = 0; i < 40; i++) {
            wide.longValue("field" + i, -i * 1_000_000_007L);
        }
        String longKey = "k".repeat(1_000);
        List<Object> rows = List.of(
                new TracedEvent(1, "NOTE", T0, "run-" + "r".repeat(700), 0, "src", T0, T0, 0, 0,
                        Payload.builder(2).text(longKey, "é".repeat(300)).doubleValue("x", -0.0).build(), "2", 1, ""),
                new TracedEvent(2, "WIDE", T0, "run-a", 1, "src", T0, T0, T0 + 1, T0 + 2, wide.build(), "2", 2, ""),
                // Three bytes of UTF-8 a char and four a surrogate pair: the most a record's bound allows for.
                new TracedEvent(3, "NOTE", T0, "run-a", 2, "src", T0, T0, 0, 0,
                        Payload.builder(1).text("wide", "€".repeat(3_000) + "\uD83D\uDE00").build(), "2", 3, ""),
                delivery("run-a", 2, "h".repeat(500)));
        try (Journal journal = Journal.create(dir, "w1")) {
            for (Object row : rows) {
                append(journal, row);
            }
            assertThat(read(journal.file()).rows()).containsExactlyElementsOf(rows);
        }
    }

    @Test
    void growsPastItsFirstMapping() throws IOException {
        List<Object> rows = new ArrayList<>();
        try (Journal journal = Journal.create(dir, "w1")) {
            String big = "x".repeat(2_000);
            for (long id = 1; id <= 10_000; id++) {
                TracedEvent e = new TracedEvent(id, "NOTE", T0 + id, "run-a", 0, "src", T0, T0, 0, 0,
                        Map.of("text", big + id), "2", id, "");
                journal.append(e);
                rows.add(e);
            }
            assertThat(Files.size(journal.file())).isGreaterThan(20_000_000);
            assertThat(read(journal.file()).rows()).containsExactlyElementsOf(rows);
        }
    }

    @Test
    void isLockedWhileItsWriterLivesAndDeletedAtACleanEnd() throws IOException {
        Journal journal = Journal.create(dir, "w1");
        assertThatThrownBy(() -> Journal.create(dir, "w1")).isInstanceOf(IOException.class);
        try (FileChannel channel = FileChannel.open(journal.file(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            assertThatThrownBy(channel::tryLock).isInstanceOf(java.nio.channels.OverlappingFileLockException.class);
        }
        journal.delete();
        assertThat(journal.file()).doesNotExist();
    }

    @Test
    void refusesAFileThatIsNotAJournal() throws IOException {
        Path file = dir.resolve("other.journal");
        Files.write(file, new byte[100]);
        try (FileChannel channel = FileChannel.open(file)) {
            assertThatThrownBy(() -> JournalReader.read(channel, file.toString()))
                    .isInstanceOf(IOException.class).hasMessageContaining("not an evtrace journal");
        }
    }

    private static void append(Journal journal, Object row) throws IOException {
        if (row instanceof TracedEvent e) {
            journal.append(e);
        } else {
            journal.append((Delivery) row);
        }
    }

    static JournalReader.Contents read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return JournalReader.read(channel, file.toString());
        }
    }

    /** Where the records end: the journal's file is larger, zeros after its end marker. */
    private static long endOfRecords(Path file) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(file)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int position = JournalFormat.HEADER_BYTES;
        while (b.getInt(position) > 0) {
            position += 4 + b.getInt(position);
        }
        return position;
    }
}
