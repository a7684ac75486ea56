package dev.evtrace.store.parquet;

import static dev.evtrace.store.EventSchema.*;

import dev.evtrace.store.EventSchema;
import dev.evtrace.store.TracedEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes {@link TracedEvent}s straight to Parquet columns: no intermediate Avro or Group object. */
public final class TracedEventWriteSupport extends WriteSupport<TracedEvent> {
    private final Map<String, String> footer;
    // Types, sources, runs and payload keys repeat endlessly; caching their UTF-8 bytes saves an encode per field.
    private final Map<String, Binary> binaries = new HashMap<>();
    private RecordConsumer out;

    public TracedEventWriteSupport(Map<String, String> footer) {
        this.footer = footer;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(EventSchema.V1, footer);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(TracedEvent e) {
        out.startMessage();
        int i = 0;
        longField(EVENT_ID, i++, e.eventId());
        stringField(EVENT_TYPE, i++, cached(e.eventType()));
        longField(TIMESTAMP, i++, e.timestamp());
        stringField(CORRELATION_ID, i++, cached(e.correlationId()));
        optionalLong(CAUSATION_ID, i++, e.causationId());
        stringField(SOURCE_CONTAINER, i++, cached(e.sourceContainer()));
        longField(CREATED_AT, i++, e.createdAt());
        longField(EMITTED_AT, i++, e.emittedAt());
        optionalLong(RECEIVED_AT, i++, e.receivedAt());
        optionalLong(PROCESSED_AT, i++, e.processedAt());
        writeData(i++, e.data());
        stringField(VERSION, i++, cached(e.version()));
        longField(SEQUENCE_NUMBER, i++, e.sequenceNumber());
        stringField(PARTITION_KEY, i, cached(e.partitionKey()));
        out.endMessage();
    }

    private void writeData(int index, Map<String, String> data) {
        out.startField(DATA, index);
        out.startGroup();
        if (!data.isEmpty()) {
            out.startField("key_value", 0);
            for (Map.Entry<String, String> entry : data.entrySet()) {
                out.startGroup();
                stringField("key", 0, cached(entry.getKey()));
                if (entry.getValue() != null) {
                    stringField("value", 1, Binary.fromString(entry.getValue()));
                }
                out.endGroup();
            }
            out.endField("key_value", 0);
        }
        out.endGroup();
        out.endField(DATA, index);
    }

    private Binary cached(String s) {
        Binary b = binaries.get(s);
        if (b == null) {
            b = Binary.fromConstantByteArray(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (binaries.size() < 10_000) {
                binaries.put(s, b);
            }
        }
        return b;
    }

    private void longField(String name, int index, long value) {
        out.startField(name, index);
        out.addLong(value);
        out.endField(name, index);
    }

    private void optionalLong(String name, int index, long value) {
        if (value != TracedEvent.ABSENT) {
            longField(name, index, value);
        }
    }

    private void stringField(String name, int index, Binary value) {
        out.startField(name, index);
        out.addBinary(value);
        out.endField(name, index);
    }
}
