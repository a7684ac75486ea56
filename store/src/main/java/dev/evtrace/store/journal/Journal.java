package dev.evtrace.store.journal;

import static dev.evtrace.store.journal.MappedMemory.UNSAFE;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.Payload;
import dev.evtrace.store.TracedEvent;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sun.misc.Unsafe;

/**
 * A writer's crash-safe spill: every row it hands to its Parquet files, appended to a memory-mapped file until
 * those files are complete ({@link #checkpoint}). A process killed with {@code kill -9} leaves its mapped pages
 * to the operating system, which writes them out, so the rows of the files it never completed survive in
 * {@code _journal/<writer>.journal}, and {@link JournalRecovery} turns them into Parquet. (A machine that
 * loses power loses what the OS had not written yet: the journal is never forced to disk, which would cost a
 * disk flush per row.)
 *
 * <p>The file is held with an exclusive lock while its writer lives, so recovery never touches a live
 * writer's journal; the OS releases the lock when the process dies, however it dies. Its space is allocated
 * with zeros before it is mapped (a store on a full disk fails here, with an IOException, rather than with
 * a fault on the first write to a page that has no disk block behind it). One thread uses an instance.
 */
public final class Journal implements Closeable {
    private static final int INITIAL_BYTES = 4 << 20;
    private static final int RECENT = 256;
    // Slots of the last-string memo: a row's string fields.
    private static final int RUN = 0;
    private static final int TYPE = 1;
    private static final int SOURCE = 2;
    private static final int VERSION = 3;
    private static final int PARTITION_KEY = 4;
    private static final int HANDLER = 5;
    private static final int THREAD = 6;
    private static final int SLOTS = 7;
    /** Slots of the last payload layout of each event type (by its string id): a power of two. */
    private static final int RECENT_SHAPES = 64;

    private Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<String, Integer> strings = new HashMap<>();
    private MappedByteBuffer map;
    private int position = JournalFormat.HEADER_BYTES;
    private final String[] recent = new String[RECENT];
    private final int[] recentIds = new int[RECENT];
    /**
     * A string each field held in an earlier row, and its id: the last one the identity table did not know.
     * Consecutive rows mostly hold the very same objects there (a run's id, a file's type): one comparison finds
     * them, where the identity table hashed each (5% of the agent's writer thread when a bar's keys were looked up
     * too).
     */
    private final String[] lastStrings = new String[SLOTS];
    private final int[] lastIds = new int[SLOTS];
    /** The payload layouts defined since the last checkpoint, by their keys and kinds. */
    private final Map<List<Object>, Integer> shapes = new HashMap<>();
    /** The last payload of each event type and its layout's id, for the type's next payload (see {@link #shape}). */
    private final Payload[] recentShapes = new Payload[RECENT_SHAPES];
    private final int[] recentShapeIds = new int[RECENT_SHAPES];
    /** The last event's id, time and creation, which the next event's are written as differences from. */
    private long eventIdBase;
    private long timestampBase;
    private long createdBase;
    /** The last delivery's event (see {@link #append(Delivery)}): its run, type and thread, by identity. */
    private String lastRun;
    private String lastType;
    private String lastThread;
    private long lastEventId;
    private long lastReceived;
    /** The map's address, and where the record being written is up to. */
    private long address;
    private long at;

    private Journal(Path file, FileChannel channel, FileLock lock) throws IOException {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        allocate(INITIAL_BYTES);
        map.putInt(0, JournalFormat.MAGIC);
        map.putInt(4, JournalFormat.VERSION);
        map.putLong(JournalFormat.EVENT_FILES_OFFSET, 0);
        map.putLong(JournalFormat.DELIVERY_FILES_OFFSET, 0);
        map.putInt(position, 0);
    }

    /**
     * Creates the journal of writer {@code writerId} in {@code dir} (created if missing), locked. It is made
     * under another name and renamed once locked and initialized: a recovery lists only journals, so it never
     * finds one that a starting writer has created and not yet locked.
     */
    public static Journal create(Path dir, String writerId) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(writerId + JournalFormat.SUFFIX);
        Path creating = dir.resolve(writerId + JournalFormat.SUFFIX + JournalFormat.CREATING);
        if (Files.exists(file)) {
            // Writer ids are unique: this is a second journal for one writer, which would replace the first.
            throw new java.nio.file.FileAlreadyExistsException(file.toString());
        }
        FileChannel channel = FileChannel.open(creating, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("journal " + creating + " is locked by another process");
            }
            Journal journal = new Journal(creating, channel, lock);
            Files.move(creating, file, StandardCopyOption.ATOMIC_MOVE);
            journal.file = file;
            return journal;
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(creating);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** Bytes of the records appended since the last checkpoint. */
    public long bytes() {
        return position - JournalFormat.HEADER_BYTES;
    }

    /**
     * An event: its ids and moments as differences from the event before (or from its own id and creation), varlongs
     * of a byte or three, its string fields as ids, and its payload as a layout defined once (keys and kinds) and
     * the values alone. About 70 bytes for a bar where every field at full width took 190 (BENCHMARKS.md, session 30).
     */
    public void append(TracedEvent e) throws IOException {
        int run = string(e.correlationId(), RUN);
        int type = string(e.eventType(), TYPE);
        int source = string(e.sourceContainer(), SOURCE);
        int version = string(e.version(), VERSION);
        int partitionKey = string(e.partitionKey(), PARTITION_KEY);
        Payload payload = payload(e.data());
        int shape = shape(payload, type);
        int fields = payload.size();
        int maxBody = JournalFormat.MAX_EVENT_FIXED + JournalFormat.MAX_VARLONG * fields;
        for (int i = 0; i < fields; i++) {
            if (payload.kind(i) == Payload.Kind.TEXT) {
                maxBody += utf8Bound(payload.text(i));
            }
        }
        begin(JournalFormat.EVENT, maxBody);
        long eventId = e.eventId();
        long created = e.createdAt();
        putVarLong(run);
        putVarLong(eventId - eventIdBase);
        putVarLong(type);
        putVarLong(e.timestamp() - timestampBase);
        putVarLong(e.causationId() - eventId);
        putVarLong(source);
        putVarLong(created - createdBase);
        putVarLong(e.emittedAt() - created);
        putVarLong(e.receivedAt() - created);
        putVarLong(e.processedAt() - e.receivedAt());
        putVarLong(version);
        putVarLong(e.sequenceNumber() - eventId);
        putVarLong(partitionKey);
        putVarLong(shape);
        for (int i = 0; i < fields; i++) {
            switch (payload.kind(i)) {
                case LONG -> putVarLong(payload.longValue(i));
                case DOUBLE -> putLong(Double.doubleToRawLongBits(payload.doubleValue(i)));
                case TEXT -> text(payload.text(i));
            }
        }
        commit();
        eventIdBase = eventId;
        timestampBase = e.timestamp();
        createdBase = created;
    }

    /** Any other map as a payload of text values, copied first: what is written must be what its bound was made for. */
    private static Payload payload(Map<String, String> data) {
        if (data instanceof Payload p) {
            return p;
        }
        if (data == null || data.isEmpty()) {
            return Payload.empty();
        }
        Payload.Builder copy = Payload.builder(data.size());
        for (Map.Entry<String, String> entry : data.entrySet()) {
            copy.text(entry.getKey(), entry.getValue());
        }
        return copy.build();
    }

    /**
     * The id of the payload's layout, defining it first if this journal has not seen it since its last checkpoint.
     * An event's payload mostly has the layout of the last one of its type: it is compared with that one first (the
     * agent's payloads of a class share their keys and kinds with the one before, which takes three comparisons), and
     * looked up by content only when it differs.
     */
    private int shape(Payload p, int type) throws IOException {
        int slot = type & (RECENT_SHAPES - 1);
        Payload last = recentShapes[slot];
        if (last != null && last.sameLayout(p)) {
            return recentShapeIds[slot];
        }
        int id = layout(p);
        recentShapes[slot] = p;
        recentShapeIds[slot] = id;
        return id;
    }

    private int layout(Payload p) throws IOException {
        int fields = p.size();
        Object[] layout = new Object[2 * fields];
        for (int i = 0; i < fields; i++) {
            layout[2 * i] = p.key(i);
            layout[2 * i + 1] = p.kind(i);
        }
        List<Object> content = Arrays.asList(layout);
        Integer id = shapes.get(content);
        if (id == null) {
            int[] keys = new int[fields];
            for (int i = 0; i < fields; i++) {
                keys[i] = define(p.key(i));
            }
            id = shapes.size();
            begin(JournalFormat.SHAPE, 8 + 5 * fields);
            putInt(id);
            putInt(fields);
            for (int i = 0; i < fields; i++) {
                putInt(keys[i]);
                putByte(switch (p.kind(i)) {
                    case TEXT -> JournalFormat.TEXT;
                    case LONG -> JournalFormat.LONG;
                    case DOUBLE -> JournalFormat.DOUBLE;
                });
            }
            commit();
            shapes.put(content, id);
        }
        return id;
    }

    /**
     * An event's deliveries come one after the other (a synchronous publish's ride in its record), so a delivery of
     * the same event as the one before (the same run, type and thread objects) leaves those out, and its moments
     * are varints of their differences: 12 bytes instead of 46 for most, the greater part of a journal that fills to
     * its bound and completes the files early (BENCHMARKS.md, session 27).
     */
    public void append(Delivery d) throws IOException {
        boolean sameEvent = d.eventId() == lastEventId && d.correlationId() == lastRun && d.eventType() == lastType
                && d.thread() == lastThread && d.correlationId() != null;
        int handler = string(d.handler(), HANDLER);
        // Every string is looked up before the record begins: a new one is a record of its own, written first.
        int run = sameEvent ? 0 : string(d.correlationId(), RUN);
        int type = sameEvent ? 0 : string(d.eventType(), TYPE);
        int thread = sameEvent ? 0 : string(d.thread(), THREAD);
        begin(JournalFormat.DELIVERY, JournalFormat.MAX_DELIVERY_BODY);
        putByte((byte) ((sameEvent ? JournalFormat.SAME_EVENT : 0) | (d.threw() ? JournalFormat.THREW : 0)));
        if (!sameEvent) {
            putInt(run);
            putLong(d.eventId());
            putInt(type);
            putInt(thread);
            lastRun = d.correlationId();
            lastEventId = d.eventId();
            lastType = d.eventType();
            lastThread = d.thread();
        }
        putInt(handler);
        putVarLong(d.receivedAt() - lastReceived);
        putVarLong(d.processedAt() - d.receivedAt());
        lastReceived = d.receivedAt();
        commit();
    }

    /**
     * Drops every record: the rows so far are all in completed files. The numbers are those the writer gives
     * its next event file and its next delivery file, so that recovery knows which completed files were begun
     * after this point (a kill while files were being completed leaves some complete and their rows still here).
     */
    public void checkpoint(long nextEventFile, long nextDeliveryFile) {
        map.putInt(JournalFormat.HEADER_BYTES, 0);
        map.putLong(JournalFormat.EVENT_FILES_OFFSET, nextEventFile);
        map.putLong(JournalFormat.DELIVERY_FILES_OFFSET, nextDeliveryFile);
        position = JournalFormat.HEADER_BYTES;
        strings.clear();
        Arrays.fill(recent, null);
        Arrays.fill(lastStrings, null);
        shapes.clear();
        Arrays.fill(recentShapes, null);
        eventIdBase = 0;
        timestampBase = 0;
        createdBase = 0;
        forgetLastDelivery();
    }

    /** The next delivery is written whole, and its moments from 0. */
    private void forgetLastDelivery() {
        lastRun = null;
        lastType = null;
        lastThread = null;
        lastEventId = 0;
        lastReceived = 0;
    }

    /** After a clean end, when every row is in a completed file: the journal is no longer needed. */
    public void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }

    /** The id of the string in a row's {@code field} (a memo slot), as {@link #define}. */
    private int string(String s, int field) throws IOException {
        // Small enough for C1 to inline at each of a row's look-ups; the miss is a call.
        return s == lastStrings[field] && s != null ? lastIds[field] : remember(s, field);
    }

    private int remember(String s, int field) throws IOException {
        if (s == null) {
            return JournalFormat.NULL_STRING;
        }
        int slot = s.hashCode() & (RECENT - 1);
        if (recent[slot] == s) {
            // A field whose strings take turns (a delivery's handler, an event's type, the runs of a sweep) is
            // answered here without a store: each reference stored into these long-lived arrays costs G1's write
            // barrier a StoreLoad fence in C1's code. Its memo slot keeps the last string the table did not know.
            return recentIds[slot];
        }
        int id = define(s);
        recent[slot] = s;
        recentIds[slot] = id;
        lastStrings[field] = s;
        lastIds[field] = id;
        return id;
    }

    /**
     * The string's id, defining it first if this journal has not seen it since its last checkpoint. The same
     * few strings (run, type, source, field names) come with every row, mostly as the very same objects: the
     * memo slots and a small table by identity (its slot by the string's cached hash, where an identity hash is
     * a native call in C1's code) answer most of them before the map does.
     */
    private int define(String s) throws IOException {
        Integer id = strings.get(s);
        if (id == null) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            id = strings.size();
            begin(JournalFormat.STRING, 8 + utf8.length);
            putInt(id);
            putInt(utf8.length);
            putBytes(utf8);
            commit();
            strings.put(s, id);
        }
        return id;
    }

    /** The most bytes {@link #text} writes for {@code value} after its kind. */
    private static int utf8Bound(String value) {
        return value == null ? 0 : 4 + 3 * value.length();
    }

    /** A payload's text: the kind, then its length and UTF-8 bytes (ASCII, the usual case, without a copy). */
    private void text(String value) {
        if (value == null) {
            putByte(JournalFormat.NULL);
            return;
        }
        putByte(JournalFormat.TEXT);
        int n = value.length();
        long length = at;
        at += 4;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                at = length;
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                putInt(utf8.length);
                putBytes(utf8);
                return;
            }
            putByte((byte) c);
        }
        UNSAFE.putInt(length, n);
    }

    /**
     * Starts a record: room for its length, its tag, {@code maxBody} bytes and the end marker after it, the map
     * grown if need be. The bodies' puts go by address ({@link MappedMemory}): this check is their bound.
     */
    private void begin(byte tag, int maxBody) throws IOException {
        long needed = (long) position + 4 + 1 + maxBody + 4;
        if (needed > map.capacity()) {
            allocate(Math.max(needed, 2L * map.capacity()));
        }
        at = address + position + 4;
        putByte(tag);
    }

    private void putByte(byte v) {
        UNSAFE.putByte(at, v);
        at++;
    }

    private void putInt(int v) {
        UNSAFE.putInt(at, v);
        at += 4;
    }

    private void putLong(long v) {
        UNSAFE.putLong(at, v);
        at += 8;
    }

    /** Zigzag, then 7 bits a byte, the high bit saying another follows: small differences of either sign are short. */
    private void putVarLong(long v) {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            putByte((byte) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        putByte((byte) z);
    }

    private void putBytes(byte[] bytes) {
        UNSAFE.copyMemory(bytes, Unsafe.ARRAY_BYTE_BASE_OFFSET, null, at, bytes.length);
        at += bytes.length;
    }

    /** The end marker after the record, then its length: only then does the record count. */
    private void commit() {
        int end = (int) (at - address);
        UNSAFE.putInt(at, 0);
        UNSAFE.putInt(address + position, end - position - 4);
        position = end;
    }

    private void allocate(long bytes) throws IOException {
        if (bytes > Integer.MAX_VALUE) {
            throw new IOException("journal " + file + " would pass 2 GB: its writer has not completed a file for too long");
        }
        long size = channel.size();
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        while (size < bytes) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - size));
            size += channel.write(zeros, size);
        }
        map = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
        map.order(ByteOrder.LITTLE_ENDIAN);
        address = MappedMemory.address(map);
    }
}
