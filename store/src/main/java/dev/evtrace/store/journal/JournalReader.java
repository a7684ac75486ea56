package dev.evtrace.store.journal;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.Payload;
import dev.evtrace.store.TracedEvent;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a journal (see {@link JournalFormat}), read up to the first record that is not whole: what its
 * writer had appended when it stopped, however it stopped.
 */
final class JournalReader {
    /** What a journal holds: the rows in the order they were written, and where its writer's files were. */
    record Contents(List<Object> rows, long nextEventFile, long nextDeliveryFile) {}

    private final List<String> strings = new ArrayList<>();
    private final List<Shape> shapes = new ArrayList<>();
    private final int format;
    /** The last event read, whose id, time and creation the next one's are differences from (format 3). */
    private long eventIdBase;
    private long timestampBase;
    private long createdBase;
    /** The last delivery read, which the next one of the same event takes its run, event, type and thread from. */
    private Delivery lastDelivery;

    private JournalReader(int format) {
        this.format = format;
    }

    /**
     * @throws IOException if the file is not a journal of a format this reader knows
     */
    static Contents read(FileChannel channel, String name) throws IOException {
        long size = channel.size();
        if (size < JournalFormat.HEADER_BYTES) {
            return new Contents(List.of(), 0, 0);
        }
        ByteBuffer b = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE))
                .order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != JournalFormat.MAGIC) {
            throw new IOException(name + " is not an evtrace journal");
        }
        int format = b.getInt(4);
        if (format != JournalFormat.VERSION && format != JournalFormat.FIXED_WIDTH_EVENTS
                && format != JournalFormat.FIXED_WIDTH_DELIVERIES) {
            throw new IOException(name + " is a journal of format " + format + ", not " + JournalFormat.VERSION);
        }
        return new Contents(new JournalReader(format).rows(b), b.getLong(JournalFormat.EVENT_FILES_OFFSET),
                b.getLong(JournalFormat.DELIVERY_FILES_OFFSET));
    }

    private List<Object> rows(ByteBuffer b) {
        List<Object> rows = new ArrayList<>();
        int position = JournalFormat.HEADER_BYTES;
        while (position + 4 <= b.limit()) {
            int length = b.getInt(position);
            if (length <= 0 || length > b.limit() - position - 4) {
                break;
            }
            ByteBuffer record = b.slice(position + 4, length).order(ByteOrder.LITTLE_ENDIAN);
            try {
                Object row = record(record);
                if (row != null) {
                    rows.add(row);
                }
            } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
                // A record whose length was committed is whole; this one is not a record at all: stop here.
                break;
            }
            position += 4 + length;
        }
        return rows;
    }

    private Object record(ByteBuffer r) {
        byte tag = r.get();
        switch (tag) {
            case JournalFormat.STRING -> {
                int id = r.getInt();
                if (id != strings.size()) {
                    throw new IllegalArgumentException("string " + id + " out of order");
                }
                strings.add(utf8(r));
                return null;
            }
            case JournalFormat.SHAPE -> {
                if (format != JournalFormat.VERSION) {
                    throw new IllegalArgumentException("record tag " + tag);
                }
                shape(r);
                return null;
            }
            case JournalFormat.EVENT -> {
                return format == JournalFormat.VERSION ? event(r) : fixedWidthEvent(r);
            }
            case JournalFormat.DELIVERY -> {
                if (format == JournalFormat.FIXED_WIDTH_DELIVERIES) {
                    return new Delivery(string(r), r.getLong(), string(r), string(r), string(r), r.getLong(),
                            r.getLong(), r.get() != 0);
                }
                return delivery(r);
            }
            default -> throw new IllegalArgumentException("record tag " + tag);
        }
    }

    /** An event of formats 1 and 2, every field at full width and each payload value with its key and kind. */
    private TracedEvent fixedWidthEvent(ByteBuffer r) {
        String run = string(r);
        long eventId = r.getLong();
        String type = string(r);
        long timestamp = r.getLong();
        long causation = r.getLong();
        String source = string(r);
        long created = r.getLong();
        long emitted = r.getLong();
        long received = r.getLong();
        long processed = r.getLong();
        String version = string(r);
        long sequence = r.getLong();
        String partitionKey = string(r);
        int fields = r.getInt();
        Payload.Builder data = Payload.builder(fields);
        for (int i = 0; i < fields; i++) {
            String key = string(r);
            byte kind = r.get();
            switch (kind) {
                case JournalFormat.LONG -> data.longValue(key, r.getLong());
                case JournalFormat.DOUBLE -> data.doubleValue(key, Double.longBitsToDouble(r.getLong()));
                case JournalFormat.TEXT -> data.text(key, utf8(r));
                case JournalFormat.NULL -> data.text(key, null);
                default -> throw new IllegalArgumentException("payload kind " + kind);
            }
        }
        return new TracedEvent(eventId, type, timestamp, run, causation, source, created, emitted, received,
                processed, data.build(), version, sequence, partitionKey);
    }

    /** A payload layout: its keys and their kinds. */
    private record Shape(String[] keys, byte[] kinds) {}

    private void shape(ByteBuffer r) {
        int id = r.getInt();
        if (id != shapes.size()) {
            throw new IllegalArgumentException("shape " + id + " out of order");
        }
        int fields = r.getInt();
        if (fields < 0 || fields > r.remaining() / 5) {
            throw new IllegalArgumentException("shape of " + fields + " fields in a record of " + r.remaining()
                    + " left");
        }
        String[] keys = new String[fields];
        byte[] kinds = new byte[fields];
        for (int i = 0; i < fields; i++) {
            keys[i] = string(r);
            kinds[i] = r.get();
            if (keys[i] == null || kinds[i] < JournalFormat.TEXT || kinds[i] > JournalFormat.DOUBLE) {
                throw new IllegalArgumentException("shape field " + keys[i] + " of kind " + kinds[i]);
            }
        }
        shapes.add(new Shape(keys, kinds));
    }

    /** An event of format 3: see {@link JournalFormat}. */
    private TracedEvent event(ByteBuffer r) {
        String run = string(varInt(r));
        long eventId = eventIdBase + varLong(r);
        String type = string(varInt(r));
        long timestamp = timestampBase + varLong(r);
        long causation = eventId + varLong(r);
        String source = string(varInt(r));
        long created = createdBase + varLong(r);
        long emitted = created + varLong(r);
        long received = created + varLong(r);
        long processed = received + varLong(r);
        String version = string(varInt(r));
        long sequence = eventId + varLong(r);
        String partitionKey = string(varInt(r));
        Shape shape = shapes.get(varInt(r));
        Payload.Builder data = Payload.builder(shape.keys.length);
        for (int i = 0; i < shape.keys.length; i++) {
            String key = shape.keys[i];
            switch (shape.kinds[i]) {
                case JournalFormat.LONG -> data.longValue(key, varLong(r));
                case JournalFormat.DOUBLE -> data.doubleValue(key, Double.longBitsToDouble(r.getLong()));
                default -> {
                    byte marker = r.get();
                    if (marker != JournalFormat.TEXT && marker != JournalFormat.NULL) {
                        throw new IllegalArgumentException("text marker " + marker);
                    }
                    data.text(key, marker == JournalFormat.NULL ? null : utf8(r));
                }
            }
        }
        eventIdBase = eventId;
        timestampBase = timestamp;
        createdBase = created;
        return new TracedEvent(eventId, type, timestamp, run, causation, source, created, emitted, received, processed,
                data.build(), version, sequence, partitionKey);
    }

    private Delivery delivery(ByteBuffer r) {
        int flags = r.get();
        String run;
        long eventId;
        String type;
        String thread;
        if ((flags & JournalFormat.SAME_EVENT) != 0) {
            if (lastDelivery == null) {
                throw new IllegalArgumentException("a delivery of the same event as none");
            }
            run = lastDelivery.correlationId();
            eventId = lastDelivery.eventId();
            type = lastDelivery.eventType();
            thread = lastDelivery.thread();
        } else {
            run = string(r);
            eventId = r.getLong();
            type = string(r);
            thread = string(r);
        }
        long lastReceived = lastDelivery == null ? 0 : lastDelivery.receivedAt();
        String handler = string(r);
        long received = lastReceived + varLong(r);
        long processed = received + varLong(r);
        lastDelivery = new Delivery(run, eventId, type, handler, thread, received, processed,
                (flags & JournalFormat.THREW) != 0);
        return lastDelivery;
    }

    private static long varLong(ByteBuffer r) {
        long z = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 63) {
                throw new IllegalArgumentException("a varlong of more than 10 bytes");
            }
            byte b = r.get();
            z |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return (z >>> 1) ^ -(z & 1);
            }
        }
    }

    private static int varInt(ByteBuffer r) {
        long v = varLong(r);
        if (v != (int) v) {
            throw new IllegalArgumentException("an id of " + v);
        }
        return (int) v;
    }

    private String string(ByteBuffer r) {
        return string(r.getInt());
    }

    private String string(int id) {
        return id == JournalFormat.NULL_STRING ? null : strings.get(id);
    }

    private static String utf8(ByteBuffer r) {
        int n = r.getInt();
        if (n < 0 || n > r.remaining()) {
            throw new IllegalArgumentException("string of " + n + " bytes in a record of " + r.remaining() + " left");
        }
        byte[] bytes = new byte[n];
        r.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
