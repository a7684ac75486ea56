package dev.evtrace.store.parquet;

import static dev.evtrace.store.EventSchema.*;

import dev.evtrace.store.EventSchema;
import dev.evtrace.store.TracedEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.parquet.schema.MessageType;

/**
 * The columns of one file of the event dataset, {@link EventSchema#v3 version 3}: the fixed columns and the
 * payload columns of the file's {@link PayloadShape}.
 */
final class TracedEventColumns extends RowColumns<TracedEvent> {
    private final Utf8Cache strings;
    private final FieldStrings eventTypes;
    private final FieldStrings runs;
    private final FieldStrings sources;
    private final FieldStrings versions;
    private final FieldStrings partitionKeys;
    private final PayloadShape shape;
    private final MessageType schema;
    private final LongColumn eventId;
    private final DictionaryColumn eventType;
    private final LongColumn timestamp;
    private final DictionaryColumn correlationId;
    private final LongColumn causationId;
    private final DictionaryColumn sourceContainer;
    private final LongColumn createdAt;
    private final LongColumn emitUs;
    private final LongColumn queueUs;
    private final LongColumn latencyUs;
    // The file's latest processed_at, for its footer: latency_us alone does not bound it.
    private long maxProcessedAt = TracedEvent.ABSENT;
    private final PayloadColumns data;
    private final DictionaryColumn version;
    private final LongColumn sequenceNumber;
    private final DictionaryColumn partitionKey;
    private final PageColumn[] columns;

    /** The columns of a file whose payload has {@code shape}; {@code strings} outlives the file. */
    TracedEventColumns(Utf8Cache strings, PayloadShape shape) {
        this.strings = strings;
        this.eventTypes = new FieldStrings(strings);
        this.runs = new FieldStrings(strings);
        this.sources = new FieldStrings(strings);
        this.versions = new FieldStrings(strings);
        this.partitionKeys = new FieldStrings(strings);
        this.shape = shape;
        this.schema = EventSchema.v3(shape.fields());
        eventId = longs(EVENT_ID);
        eventType = strings(EVENT_TYPE);
        timestamp = longs(TIMESTAMP);
        correlationId = strings(CORRELATION_ID);
        causationId = longs(CAUSATION_ID);
        sourceContainer = strings(SOURCE_CONTAINER);
        createdAt = longs(CREATED_AT);
        emitUs = longs(EMIT_US);
        queueUs = longs(QUEUE_US);
        latencyUs = longs(LATENCY_US);
        data = new PayloadColumns(shape, schema, DATA);
        version = strings(VERSION);
        sequenceNumber = longs(SEQUENCE_NUMBER);
        partitionKey = strings(PARTITION_KEY);
        List<PageColumn> all = new ArrayList<>(List.of(eventId, eventType, timestamp, correlationId, causationId,
                sourceContainer, createdAt, emitUs, queueUs, latencyUs));
        all.addAll(Arrays.asList(data.columns()));
        all.addAll(List.of(version, sequenceNumber, partitionKey));
        this.columns = all.toArray(PageColumn[]::new);
    }

    /** The columns of a partition's first file, shaped by its first event. */
    static TracedEventColumns first(Utf8Cache strings, TracedEvent first) {
        return new TracedEventColumns(strings, PayloadShape.NONE.with(first.data()));
    }

    /** The next file keeps this one's payload columns, grown to hold its first event. */
    @Override
    Function<TracedEvent, RowColumns<TracedEvent>> successor() {
        Utf8Cache cache = strings;
        PayloadShape last = shape;
        return first -> new TracedEventColumns(cache, last.with(first.data()));
    }

    @Override
    MessageType schema() {
        return schema;
    }

    @Override
    PageColumn[] columns() {
        return columns;
    }

    @Override
    Map<String, String> footer() {
        return maxProcessedAt == TracedEvent.ABSENT ? Map.of()
                : Map.of(EventSchema.MAX_PROCESSED_AT, Long.toString(maxProcessedAt));
    }

    @Override
    boolean accepts(TracedEvent e) {
        return data.accepts(e.data());
    }

    @Override
    void add(TracedEvent e) throws IOException {
        // Everything that can fail on a null comes first: then a bad row leaves every column as it was.
        Utf8 type = eventTypes.get(e.eventType());
        Utf8 run = runs.get(e.correlationId());
        Utf8 source = sources.get(e.sourceContainer());
        Utf8 versionBytes = versions.get(e.version());
        Utf8 partition = partitionKeys.get(e.partitionKey());
        Map<String, String> payload = Objects.requireNonNull(e.data(), "data");
        data.check(payload);

        eventId.add(e.eventId());
        eventType.add(type);
        timestamp.add(e.timestamp());
        correlationId.add(run);
        optional(causationId, e.causationId());
        sourceContainer.add(source);
        createdAt.add(e.createdAt());
        emitUs.add(e.emittedAt() - e.createdAt());
        if (e.receivedAt() == TracedEvent.ABSENT) {
            queueUs.addNull();
        } else {
            queueUs.add(e.receivedAt() - e.emittedAt());
        }
        if (e.processedAt() == TracedEvent.ABSENT) {
            latencyUs.addNull();
        } else {
            latencyUs.add(e.processedAt() - e.createdAt());
            maxProcessedAt = Math.max(maxProcessedAt, e.processedAt());
        }
        data.add(payload);
        version.add(versionBytes);
        sequenceNumber.add(e.sequenceNumber());
        partitionKey.add(partition);
    }

    /** {@link TracedEvent#ABSENT} is stored as null. */
    private static void optional(LongColumn column, long value) throws IOException {
        if (value == TracedEvent.ABSENT) {
            column.addNull();
        } else {
            column.add(value);
        }
    }

    private LongColumn longs(String name) {
        return new LongColumn(schema.getColumnDescription(new String[] {name}));
    }

    private DictionaryColumn strings(String name) {
        return new DictionaryColumn(schema.getColumnDescription(new String[] {name}));
    }
}
