package dev.evtrace.store.parquet;

import static dev.evtrace.store.EventSchema.*;

import dev.evtrace.store.Payload;
import dev.evtrace.store.TracedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/** Builds one {@link TracedEvent} per record from whichever columns were requested. */
final class TracedEventMaterializer extends RecordMaterializer<TracedEvent> {
    private final Root root;

    TracedEventMaterializer(MessageType requested) {
        this.root = new Root(requested);
    }

    @Override
    public TracedEvent getCurrentRecord() {
        return root.build();
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }

    private static final long NONE = Long.MIN_VALUE;

    private static final class Root extends GroupConverter {
        private final Converter[] converters;
        long eventId, timestamp, causationId, createdAt, emittedAt, receivedAt, processedAt, sequenceNumber;
        // Version 3's offsets from created_at; NONE when the file has none (versions 1, 2) or the value is null.
        long emitUs, queueUs, latencyUs;
        String eventType, correlationId, sourceContainer, version, partitionKey;
        Map<String, String> data;

        Root(MessageType schema) {
            converters = new Converter[schema.getFieldCount()];
            for (int i = 0; i < converters.length; i++) {
                converters[i] = converterFor(schema.getType(i));
            }
        }

        private Converter converterFor(Type field) {
            return switch (field.getName()) {
                case EVENT_ID -> longs(v -> eventId = v);
                case TIMESTAMP -> longs(v -> timestamp = v);
                case CAUSATION_ID -> longs(v -> causationId = v);
                case CREATED_AT -> longs(v -> createdAt = v);
                case EMITTED_AT -> longs(v -> emittedAt = v);
                case RECEIVED_AT -> longs(v -> receivedAt = v);
                case PROCESSED_AT -> longs(v -> processedAt = v);
                case EMIT_US -> longs(v -> emitUs = v);
                case QUEUE_US -> longs(v -> queueUs = v);
                case LATENCY_US -> longs(v -> latencyUs = v);
                case SEQUENCE_NUMBER -> longs(v -> sequenceNumber = v);
                case EVENT_TYPE -> strings(v -> eventType = v);
                case CORRELATION_ID -> strings(v -> correlationId = v);
                case SOURCE_CONTAINER -> strings(v -> sourceContainer = v);
                case VERSION -> strings(v -> version = v);
                case PARTITION_KEY -> strings(v -> partitionKey = v);
                case DATA -> isMap(field) ? new MapConverter(field.asGroupType(), this)
                        : new PayloadGroupConverter(field.asGroupType(), payload -> data = payload);
                default -> field.isPrimitive() ? new PrimitiveConverter() {} : new IgnoredGroup(field.asGroupType());
            };
        }

        /** Version 1 kept the payload as a map; version 2 as a group of typed columns. */
        private static boolean isMap(Type field) {
            GroupType group = field.asGroupType();
            return group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                    || (group.getFieldCount() == 1 && group.getType(0).isRepetition(Type.Repetition.REPEATED));
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
        }

        @Override
        public void start() {
            eventId = timestamp = causationId = createdAt = emittedAt = receivedAt = processedAt = sequenceNumber = 0;
            emitUs = queueUs = latencyUs = NONE;
            eventType = correlationId = sourceContainer = partitionKey = "";
            version = TracedEvent.CURRENT_VERSION;
            data = Payload.empty();
        }

        @Override
        public void end() {}

        TracedEvent build() {
            long emitted = emitUs == NONE ? emittedAt : createdAt + emitUs;
            long received = queueUs == NONE ? receivedAt : emitted + queueUs;
            long processed = latencyUs == NONE ? processedAt : createdAt + latencyUs;
            return new TracedEvent(eventId, eventType, timestamp, correlationId, causationId, sourceContainer,
                    createdAt, emitted, received, processed, data, version, sequenceNumber, partitionKey);
        }
    }

    private interface LongSink {
        void accept(long value);
    }

    private interface StringSink {
        void accept(String value);
    }

    private static PrimitiveConverter longs(LongSink sink) {
        return new PrimitiveConverter() {
            @Override
            public void addLong(long value) {
                sink.accept(value);
            }
        };
    }

    /** Dictionary-encoded columns decode each distinct value once per row group instead of once per row. */
    private static PrimitiveConverter strings(StringSink sink) {
        return new PrimitiveConverter() {
            private String[] dictionary;

            @Override
            public boolean hasDictionarySupport() {
                return true;
            }

            @Override
            public void setDictionary(org.apache.parquet.column.Dictionary d) {
                dictionary = new String[d.getMaxId() + 1];
                for (int i = 0; i <= d.getMaxId(); i++) {
                    dictionary[i] = d.decodeToBinary(i).toStringUsingUTF8();
                }
            }

            @Override
            public void addValueFromDictionary(int dictionaryId) {
                sink.accept(dictionary[dictionaryId]);
            }

            @Override
            public void addBinary(Binary value) {
                sink.accept(value.toStringUsingUTF8());
            }
        };
    }

    private static final class MapConverter extends GroupConverter {
        private final Root root;
        private final GroupConverter entry;
        private Map<String, String> map;
        private String key, value;

        MapConverter(GroupType mapType, Root root) {
            this.root = root;
            PrimitiveConverter keys = strings(k -> key = k);
            PrimitiveConverter values = strings(v -> value = v);
            this.entry = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return fieldIndex == 0 ? keys : values;
                }

                @Override
                public void start() {
                    key = null;
                    value = null;
                }

                @Override
                public void end() {
                    map.put(key, value);
                }
            };
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return entry;
        }

        @Override
        public void start() {
            map = new LinkedHashMap<>();
        }

        @Override
        public void end() {
            root.data = map;
        }
    }

    /** Columns a later schema version may add: read past, not materialized. */
    static final class IgnoredGroup extends GroupConverter {
        private final Converter[] children;

        IgnoredGroup(GroupType type) {
            children = new Converter[type.getFieldCount()];
            for (int i = 0; i < children.length; i++) {
                Type child = type.getType(i);
                children[i] = child.isPrimitive() ? new PrimitiveConverter() {} : new IgnoredGroup(child.asGroupType());
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }
}
