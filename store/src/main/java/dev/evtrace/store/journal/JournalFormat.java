package dev.evtrace.store.journal;

/**
 * The journal file's layout. A header, then records, each {@code [int length][byte tag][body]} and followed by
 * an int 0 that marks the end until the next record overwrites it. A record's length is written after its body
 * and its end marker, so a process killed at any instruction leaves a file whose records, read up to the first
 * length 0, are whole. Numbers are little-endian.
 *
 * <pre>
 * header (64 bytes): int magic, int format version, then the numbers the writer was to give its next event
 *                    file and its next delivery file when the journal was last emptied (two longs), then zeros
 * STRING   (1): int id, int n, n bytes of UTF-8         (defines a string the rows after it refer to by id)
 * SHAPE    (4): int id, int fields, then per field: int key, byte kind (TEXT, LONG, DOUBLE)
 *               (defines a payload's layout the events after it refer to by id)
 * EVENT    (2): varlongs: run, eventId minus the last event's, type, timestamp minus the last event's,
 *               causationId minus eventId, source, created minus the last event's, emitted minus created,
 *               received minus created, processed minus received, version, sequence minus eventId,
 *               partitionKey, shape; then per field of the shape, its value: LONG a varlong, DOUBLE 8 bytes (the
 *               double's bits), TEXT a byte TEXT and then int n, n bytes of UTF-8, or a byte NULL
 * DELIVERY (3): byte flags (SAME_EVENT, THREW); unless SAME_EVENT: int run, long eventId, int type, int thread;
 *               then int handler, varlong received minus the last delivery's received (0 for the first),
 *               varlong processed minus received. SAME_EVENT: run, eventId, type and thread are the last
 *               delivery's.
 * </pre>
 * A varlong is zigzag-encoded, 7 bits a byte, low bits first, the high bit set on every byte but the last; string
 * and shape ids are varlongs in an event. String and shape ids start again from 0 after every checkpoint, when the
 * records before it are dropped, and so does what an event or a delivery takes from the last one; string id -1 is
 * null.
 *
 * <p>Journals of the formats before are still read. Format 2 (until session 30) had fixed-width events: int run,
 * long eventId, int type, long timestamp, long causationId, int source, long created, long emitted, long received,
 * long processed, int version, long sequence, int partitionKey, int fields, then per field: int key, byte kind, and
 * a long (LONG, DOUBLE bits), a string (TEXT: int n, n bytes of UTF-8) or nothing (NULL). Format 1 (until session
 * 27) had those events and fixed-width deliveries too: int run, long eventId, int type, int handler, int thread,
 * long received, long processed, byte threw.
 */
final class JournalFormat {
    static final int MAGIC = 0x314a5645; // "EVJ1"
    static final int VERSION = 3;
    static final int FIXED_WIDTH_EVENTS = 2;
    static final int FIXED_WIDTH_DELIVERIES = 1;
    static final int HEADER_BYTES = 64;
    static final int EVENT_FILES_OFFSET = 8;
    static final int DELIVERY_FILES_OFFSET = 16;
    static final String SUFFIX = ".journal";
    /** Added to a journal's name while its writer creates it. */
    static final String CREATING = ".creating";

    static final byte STRING = 1;
    static final byte EVENT = 2;
    static final byte DELIVERY = 3;
    static final byte SHAPE = 4;

    static final int SAME_EVENT = 1;
    static final int THREW = 2;
    static final int MAX_VARLONG = 10;
    /** A delivery's body at most: flags, its event's fields, the handler and two varlongs. */
    static final int MAX_DELIVERY_BODY = 1 + 4 + 8 + 4 + 4 + 4 + 2 * MAX_VARLONG;
    /** An event's body at most before its payload's values: 14 varlongs. */
    static final int MAX_EVENT_FIXED = 14 * MAX_VARLONG;

    static final byte TEXT = 0;
    static final byte LONG = 1;
    static final byte DOUBLE = 2;
    static final byte NULL = 3;

    static final int NULL_STRING = -1;

    private JournalFormat() {}
}
