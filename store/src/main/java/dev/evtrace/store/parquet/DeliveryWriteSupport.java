package dev.evtrace.store.parquet;

import static dev.evtrace.store.DeliverySchema.*;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.DeliverySchema;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes {@link Delivery} rows straight to Parquet columns. */
public final class DeliveryWriteSupport extends WriteSupport<Delivery> {
    private final Map<String, String> footer;
    // Runs, types, handlers and threads are few: encode each once.
    private final Map<String, Binary> binaries = new HashMap<>();
    private RecordConsumer out;

    public DeliveryWriteSupport(Map<String, String> footer) {
        this.footer = footer;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(DeliverySchema.V1, footer);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        out = recordConsumer;
    }

    @Override
    public void write(Delivery d) {
        out.startMessage();
        string(CORRELATION_ID, 0, d.correlationId());
        number(EVENT_ID, 1, d.eventId());
        string(EVENT_TYPE, 2, d.eventType());
        string(HANDLER, 3, d.handler());
        string(THREAD, 4, d.thread());
        number(RECEIVED_AT, 5, d.receivedAt());
        number(PROCESSED_AT, 6, d.processedAt());
        out.startField(THREW, 7);
        out.addBoolean(d.threw());
        out.endField(THREW, 7);
        out.endMessage();
    }

    private void string(String name, int index, String value) {
        Binary b = binaries.get(value);
        if (b == null) {
            b = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
            if (binaries.size() < 10_000) {
                binaries.put(value, b);
            }
        }
        out.startField(name, index);
        out.addBinary(b);
        out.endField(name, index);
    }

    private void number(String name, int index, long value) {
        out.startField(name, index);
        out.addLong(value);
        out.endField(name, index);
    }
}
