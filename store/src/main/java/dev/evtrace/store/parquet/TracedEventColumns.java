package dev.evtrace.store.parquet;

import static dev.evtrace.store.EventSchema.*;

import dev.evtrace.store.EventSchema;
import dev.evtrace.store.TracedEvent;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.MessageType;

/** The columns of one file of {@link EventSchema#V1}. */
final class TracedEventColumns implements RowColumns<TracedEvent> {
    private static final String MAP_ENTRY = "key_value";
    private final Utf8Cache strings;
    private final FieldStrings eventTypes;
    private final FieldStrings runs;
    private final FieldStrings sources;
    private final FieldStrings versions;
    private final FieldStrings partitionKeys;
    private final LongColumn eventId = longs(EVENT_ID);
    private final DictionaryColumn eventType = strings(EVENT_TYPE);
    private final LongColumn timestamp = longs(TIMESTAMP);
    private final DictionaryColumn correlationId = strings(CORRELATION_ID);
    private final LongColumn causationId = longs(CAUSATION_ID);
    private final DictionaryColumn sourceContainer = strings(SOURCE_CONTAINER);
    private final LongColumn createdAt = longs(CREATED_AT);
    private final LongColumn emittedAt = longs(EMITTED_AT);
    private final LongColumn receivedAt = longs(RECEIVED_AT);
    private final LongColumn processedAt = longs(PROCESSED_AT);
    // A map's keys and values repeat together: one set of repetition levels serves both.
    private final Levels entries = new Levels(1);
    private final DictionaryColumn dataKeys = new DictionaryColumn(leaf(DATA, MAP_ENTRY, "key"), entries);
    private final ByteArrayColumn dataValues = new ByteArrayColumn(leaf(DATA, MAP_ENTRY, "value"), entries);
    private final DictionaryColumn version = strings(VERSION);
    private final LongColumn sequenceNumber = longs(SEQUENCE_NUMBER);
    private final DictionaryColumn partitionKey = strings(PARTITION_KEY);
    private final PageColumn[] columns = {eventId, eventType, timestamp, correlationId, causationId, sourceContainer,
            createdAt, emittedAt, receivedAt, processedAt, dataKeys, dataValues, version, sequenceNumber, partitionKey};
    // The payload's entries, taken before any column is touched; the i-th key is usually the same as the last
    // event's i-th key (one event type per file).
    private Utf8[] keys = new Utf8[16];
    private String[] values = new String[16];
    private FieldStrings[] keyStrings = new FieldStrings[0];

    TracedEventColumns(Utf8Cache strings) {
        this.strings = strings;
        this.eventTypes = new FieldStrings(strings);
        this.runs = new FieldStrings(strings);
        this.sources = new FieldStrings(strings);
        this.versions = new FieldStrings(strings);
        this.partitionKeys = new FieldStrings(strings);
    }

    @Override
    public MessageType schema() {
        return V1;
    }

    @Override
    public PageColumn[] columns() {
        return columns;
    }

    @Override
    public void add(TracedEvent e) throws IOException {
        // Everything that can fail on a null comes first: then a bad row leaves every column as it was.
        Utf8 type = eventTypes.get(e.eventType());
        Utf8 run = runs.get(e.correlationId());
        Utf8 source = sources.get(e.sourceContainer());
        Utf8 versionBytes = versions.get(e.version());
        Utf8 partition = partitionKeys.get(e.partitionKey());
        int count = encodeEntries(e.data());

        eventId.add(e.eventId());
        eventType.add(type);
        timestamp.add(e.timestamp());
        correlationId.add(run);
        optional(causationId, e.causationId());
        sourceContainer.add(source);
        createdAt.add(e.createdAt());
        emittedAt.add(e.emittedAt());
        optional(receivedAt, e.receivedAt());
        optional(processedAt, e.processedAt());
        addData(count);
        version.add(versionBytes);
        sequenceNumber.add(e.sequenceNumber());
        partitionKey.add(partition);
    }

    /** Copies the payload's entries aside, keys encoded, in one pass: the columns then get the same entries. */
    private int encodeEntries(Map<String, String> data) {
        int size = data.size();
        if (keys.length < size) {
            keys = new Utf8[Math.max(size, keys.length * 2)];
            values = new String[keys.length];
        }
        while (keyStrings.length < size) {
            int n = keyStrings.length;
            keyStrings = Arrays.copyOf(keyStrings, Math.max(size, n * 2));
            for (int i = n; i < keyStrings.length; i++) {
                keyStrings[i] = new FieldStrings(strings);
            }
        }
        int n = 0;
        for (Map.Entry<String, String> entry : data.entrySet()) {
            keys[n] = keyStrings[n].get(entry.getKey());
            values[n++] = entry.getValue();
        }
        return n;
    }

    /** The first entry starts the row (repetition 0), the others repeat the entry group (repetition 1). */
    private void addData(int count) throws IOException {
        if (count == 0) {
            entries.add(0);
            dataKeys.addEmpty();
            dataValues.addEmpty();
            return;
        }
        for (int i = 0; i < count; i++) {
            entries.add(i == 0 ? 0 : 1);
            dataKeys.addEntry(keys[i]);
            dataValues.add(values[i]);
        }
    }

    /** {@link TracedEvent#ABSENT} is stored as null. */
    private static void optional(LongColumn column, long value) throws IOException {
        if (value == TracedEvent.ABSENT) {
            column.addNull();
        } else {
            column.add(value);
        }
    }

    private static LongColumn longs(String name) {
        return new LongColumn(leaf(name));
    }

    private static DictionaryColumn strings(String name) {
        return new DictionaryColumn(leaf(name));
    }

    private static ColumnDescriptor leaf(String... path) {
        return V1.getColumnDescription(path);
    }
}
