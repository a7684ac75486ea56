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

    /**
     * An event's deliveries as a synchronous publish hands them over, one after the other before the event, and as
     * a queued bus does, several events' in turns: each as it was, whether it repeats the one before's event or
     * not, with moments that go back, a delivery that ends before it starts, a large jump, nulls and a throw.
     */
    @Test
    void readsBackDeliveriesOfTheSameEventAndOfEventsTakingTurns() throws IOException {
        String[] handlers = {"Strategy", "Portfolio", "Risk", "Broker"};
        List<Object> rows = new ArrayList<>();
        for (long id = 1; id <= 20; id++) {
            String run = id % 3 == 0 ? "run-b" : "run-a";
            for (String handler : handlers) {
                long t = T0 + id * 10 + handler.length();
                rows.add(new Delivery(run, id, "BAR", handler, "main", t, t + 3, handler.equals("Risk") && id == 4));
            }
            rows.add(bar(run, id));
        }
        for (long id = 21; id <= 30; id++) {
            // A queued bus's consumer: two events' deliveries interleaved, on another thread, out of time order.
            rows.add(new Delivery("run-a", id, "SIGNAL", "Portfolio", "consumer", T0 - id, T0 - id - 5, false));
            rows.add(new Delivery("run-a", id + 100, "FILL", "Portfolio", "consumer", T0 + (1L << 40), T0, id == 25));
            rows.add(new Delivery("run-a", id, "SIGNAL", null, null, 0, Long.MAX_VALUE / 2, false));
        }
        // The same event's delivery once more, but its type another: written whole.
        rows.add(new Delivery("run-a", 30, "OTHER", "Portfolio", null, 1, 2, true));
        try (Journal journal = Journal.create(dir, "w1")) {
            for (Object row : rows) {
                append(journal, row);
            }
            assertThat(read(journal.file()).rows()).containsExactlyElementsOf(rows);
            // After a checkpoint the first delivery is written whole again, though it repeats the last one's event.
            journal.checkpoint(1, 1);
            Delivery again = (Delivery) rows.get(rows.size() - 1);
            journal.append(again);
            assertThat(read(journal.file()).rows()).containsExactly(again);
        }
    }

    /** The deliveries of a bar with four handlers take far fewer bytes than the fixed width of the format before. */
    @Test
    void aDeliveryOfTheSameEventAsTheOneBeforeTakesFewBytes() throws IOException {
        try (Journal journal = Journal.create(dir, "w1")) {
            for (String handler : List.of("Strategy", "Portfolio", "Risk", "Broker")) {
                journal.append(delivery("run-a", 1, handler));
            }
            long first = journal.bytes();
            for (long id = 2; id <= 1_001; id++) {
                for (String handler : List.of("Strategy", "Portfolio", "Risk", "Broker")) {
                    journal.append(delivery("run-a", id, handler));
                }
            }
            // Per event: one delivery whole (32 bytes with its length and tag), three of the same event (12 each).
            assertThat((journal.bytes() - first) / 1_000.0).isLessThan(80);
        }
    }

    /** A bar's ids and moments are small differences, its payload's keys and kinds a layout defined once. */
    @Test
    void anEventTakesFewBytes() throws IOException {
        try (Journal journal = Journal.create(dir, "w1")) {
            journal.append(bar("run-a", 1));
            long first = journal.bytes();
            for (long id = 2; id <= 1_001; id++) {
                journal.append(bar("run-a", id));
            }
            // Its length and tag, 14 varlongs of a byte or two, a 4-character symbol, a price and a volume.
            assertThat((journal.bytes() - first) / 1_000.0).isLessThan(50);
        }
    }

    /**
     * Payloads of 20 event types taking turns, most sharing their keys with the type's one before as the agent's do,
     * some built apart with the same keys, some with a key's kind changed, an empty one and a plain map; before and
     * after a checkpoint, which starts the layouts over. Each reads back with its values' kinds.
     */
    @Test
    void readsBackPayloadsOfLayoutsTakingTurns() throws IOException {
        Payload[] last = new Payload[20];
        List<Object> kept = new ArrayList<>();
        try (Journal journal = Journal.create(dir, "w1")) {
            for (int round = 0; round < 2; round++) {
                kept.clear();
                for (long id = 1; id <= 200; id++) {
                    int layout = (int) (id * 7 % last.length);
                    Payload.Builder b = last[layout] == null || id % 9 == 0
                            ? Payload.builder(3) : Payload.builderLike(last[layout], 3);
                    b.longValue("n" + layout, id);
                    if (id % 50 == 0) {
                        b.doubleValue("x", id / 4.0);
                    } else {
                        b.longValue("x", -id);
                    }
                    b.text("s", id % 3 == 0 ? null : "v" + id);
                    last[layout] = b.build();
                    TracedEvent e = new TracedEvent(1_000 * round + id, "T" + layout, T0 - id, "run-a", id - 1, "src",
                            T0 + id, T0 + id, T0 + id + 3, T0 + id + 4, last[layout], "3", id, "");
                    journal.append(e);
                    kept.add(e);
                }
                TracedEvent empty = new TracedEvent(5_000, "NOTE", T0, "run-b", TracedEvent.ABSENT, "src", T0, T0,
                        TracedEvent.ABSENT, TracedEvent.ABSENT, Payload.empty(), "3", 5_000, "");
                Map<String, String> plain = new HashMap<>();
                plain.put("reason", "ring buffer full");
                plain.put("note", null);
                TracedEvent marker = new TracedEvent(-1, TracedEvent.DATA_LOSS, T0, "run-b", TracedEvent.ABSENT,
                        "tracer", T0, T0, TracedEvent.ABSENT, TracedEvent.ABSENT, plain, "3", -1, "");
                journal.append(empty);
                journal.append(marker);
                kept.add(empty);
                kept.add(marker);
                if (round == 0) {
                    assertThat(read(journal.file()).rows()).containsExactlyElementsOf(kept);
                    journal.checkpoint(1, 1);
                }
            }
            List<Object> rows = read(journal.file()).rows();
            assertThat(rows).containsExactlyElementsOf(kept);
            for (int i = 0; i < 200; i++) {
                Payload written = (Payload) ((TracedEvent) kept.get(i)).data();
                Payload readBack = (Payload) ((TracedEvent) rows.get(i)).data();
                for (int field = 0; field < written.size(); field++) {
                    assertThat(readBack.kind(field)).isEqualTo(written.kind(field));
                }
            }
        }
    }

    /** Format 2's fixed-width events, as a writer of an earlier version left them, are still recovered. */
    @Test
    void readsAJournalOfFixedWidthEvents() throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(512).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, JournalFormat.MAGIC).putInt(4, JournalFormat.FIXED_WIDTH_EVENTS);
        b.position(JournalFormat.HEADER_BYTES);
        List<String> strings = List.of("run-a", "BAR", "com.acme.Feed", "3", "", "symbol", "close", "volume");
        for (int id = 0; id < strings.size(); id++) {
            byte[] utf8 = strings.get(id).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            b.putInt(1 + 8 + utf8.length).put(JournalFormat.STRING).putInt(id).putInt(utf8.length).put(utf8);
        }
        int start = b.position();
        b.putInt(0).put(JournalFormat.EVENT).putInt(0).putLong(7).putInt(1).putLong(T0).putLong(6).putInt(2)
                .putLong(T0 + 1).putLong(T0 + 1).putLong(T0 + 3).putLong(T0 + 8).putInt(3).putLong(7).putInt(4)
                .putInt(3);
        b.putInt(5).put(JournalFormat.TEXT).putInt(3).put("AAA".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        b.putInt(6).put(JournalFormat.DOUBLE).putLong(Double.doubleToRawLongBits(101.5));
        b.putInt(7).put(JournalFormat.LONG).putLong(1_200);
        b.putInt(start, b.position() - start - 4).putInt(0);
        Path file = dir.resolve("old.journal");
        Files.write(file, b.array());

        Payload data = Payload.builder(3).text("symbol", "AAA").doubleValue("close", 101.5).longValue("volume", 1_200)
                .build();
        assertThat(read(file).rows()).containsExactly(new TracedEvent(7, "BAR", T0, "run-a", 6, "com.acme.Feed",
                T0 + 1, T0 + 1, T0 + 3, T0 + 8, data, "3", 7, ""));
    }

    /** Format 1's fixed-width deliveries, as a writer of an earlier version left them, are still recovered. */
    @Test
    void readsAJournalOfTheFormatBefore() throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(256).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, JournalFormat.MAGIC).putInt(4, JournalFormat.FIXED_WIDTH_DELIVERIES)
                .putLong(JournalFormat.EVENT_FILES_OFFSET, 2).putLong(JournalFormat.DELIVERY_FILES_OFFSET, 3);
        b.position(JournalFormat.HEADER_BYTES);
        List<String> strings = List.of("run-a", "BAR", "Strategy", "main");
        for (int id = 0; id < strings.size(); id++) {
            byte[] utf8 = strings.get(id).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            b.putInt(1 + 8 + utf8.length).put(JournalFormat.STRING).putInt(id).putInt(utf8.length).put(utf8);
        }
        b.putInt(1 + 41).put(JournalFormat.DELIVERY).putInt(0).putLong(7).putInt(1).putInt(2).putInt(3)
                .putLong(T0).putLong(T0 + 9).put((byte) 1).putInt(0);
        Path file = dir.resolve("old.journal");
        Files.write(file, b.array());

        JournalReader.Contents contents = read(file);
        assertThat(contents.rows())
                .containsExactly(new Delivery("run-a", 7, "BAR", "Strategy", "main", T0, T0 + 9, true));
        assertThat(contents.nextEventFile()).isEqualTo(2);
        assertThat(contents.nextDeliveryFile()).isEqualTo(3);
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
