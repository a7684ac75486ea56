package dev.evtrace.store.parquet;

import static dev.evtrace.store.DeliverySchema.*;

import dev.evtrace.store.Delivery;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/** Reads {@link Delivery} rows. */
public final class DeliveryReadSupport extends ReadSupport<Delivery> {
    private static final long NONE = Long.MIN_VALUE;

    @Override
    public ReadContext init(InitContext context) {
        MessageType schema = context.getFileSchema();
        if (!schema.containsField(HANDLER) || !schema.containsField(EVENT_ID)) {
            throw new IllegalArgumentException("not a delivery file: it has no handler/event_id column");
        }
        return new ReadContext(schema);
    }

    @Override
    public RecordMaterializer<Delivery> prepareForRead(Configuration configuration, Map<String, String> keyValueMetaData,
                                                       MessageType fileSchema, ReadContext context) {
        Row row = new Row(context.getRequestedSchema());
        return new RecordMaterializer<>() {
            @Override
            public Delivery getCurrentRecord() {
                return new Delivery(row.run, row.eventId, row.type, row.handler, row.thread, row.received,
                        row.durationUs == NONE ? row.processed : row.received + row.durationUs, row.threw);
            }

            @Override
            public GroupConverter getRootConverter() {
                return row;
            }
        };
    }

    private static final class Row extends GroupConverter {
        private final Converter[] converters;
        String run = "", type = "", handler = "", thread = "";
        long eventId, received, processed;
        // NONE in files that keep processed_at instead.
        long durationUs = NONE;
        boolean threw;

        Row(MessageType schema) {
            converters = new Converter[schema.getFieldCount()];
            for (int i = 0; i < converters.length; i++) {
                String name = schema.getType(i).getName();
                converters[i] = new PrimitiveConverter() {
                    @Override
                    public void addBinary(Binary value) {
                        String s = value.toStringUsingUTF8();
                        switch (name) {
                            case CORRELATION_ID -> run = s;
                            case EVENT_TYPE -> type = s;
                            case HANDLER -> handler = s;
                            case THREAD -> thread = s;
                            default -> { }
                        }
                    }

                    @Override
                    public void addLong(long value) {
                        switch (name) {
                            case EVENT_ID -> eventId = value;
                            case RECEIVED_AT -> received = value;
                            case PROCESSED_AT -> processed = value;
                            case DURATION_US -> durationUs = value;
                            default -> { }
                        }
                    }

                    @Override
                    public void addBoolean(boolean value) {
                        threw = value;
                    }
                };
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
        }

        @Override
        public void start() {
            run = type = handler = thread = "";
            eventId = received = processed = 0;
            durationUs = NONE;
            threw = false;
        }

        @Override
        public void end() {}
    }
}
