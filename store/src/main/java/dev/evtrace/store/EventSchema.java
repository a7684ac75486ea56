package dev.evtrace.store;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of the event dataset, version 3. Readers still read every earlier version by column name:
 * version 1 kept the payload as a string map; version 2 keeps it as a group {@code data} with a typed column per
 * key, which differs between event types and so between files (read a glob of several types with
 * {@code union_by_name=true} in DuckDB, {@code mergeSchema} in Spark); version 3 keeps {@code created_at} as a
 * timestamp and the three later moments as microseconds after it, as tracing formats keep a start and durations
 * (Zipkin, JFR): {@code emit_us} (emitted − created), {@code queue_us} (received − emitted: the seed's queue
 * time) and {@code latency_us} (processed − created: the seed's latency). Versions 1 and 2 kept
 * {@code emitted_at}, {@code received_at} and {@code processed_at} as timestamps; as offsets they take under a
 * third of that room: one event's moments lie microseconds apart, while consecutive events' jitter by more.
 */
public final class EventSchema {
    public static final String EVENT_ID = "event_id";
    public static final String EVENT_TYPE = "event_type";
    public static final String TIMESTAMP = "timestamp";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String CAUSATION_ID = "causation_id";
    public static final String SOURCE_CONTAINER = "source_container";
    public static final String CREATED_AT = "created_at";
    /** Versions 1 and 2 only. */
    public static final String EMITTED_AT = "emitted_at";
    /** Versions 1 and 2 only. */
    public static final String RECEIVED_AT = "received_at";
    /** Versions 1 and 2 only. */
    public static final String PROCESSED_AT = "processed_at";
    public static final String EMIT_US = "emit_us";
    public static final String QUEUE_US = "queue_us";
    public static final String LATENCY_US = "latency_us";
    public static final String DATA = "data";
    public static final String VERSION = "version";
    public static final String SEQUENCE_NUMBER = "sequence_number";
    public static final String PARTITION_KEY = "partition_key";

    /** The file metadata key of a version-3 file's latest processed_at, which its columns no longer bound. */
    public static final String MAX_PROCESSED_AT = "evtrace.max_processed_at";

    private static final MessageType FIXED_BEFORE_DATA = Types.buildMessage()
            .required(INT64).named(EVENT_ID)
            .required(BINARY).as(stringType()).named(EVENT_TYPE)
            .required(INT64).as(timestampType(true, TimeUnit.MICROS)).named(TIMESTAMP)
            .required(BINARY).as(stringType()).named(CORRELATION_ID)
            .optional(INT64).named(CAUSATION_ID)
            .required(BINARY).as(stringType()).named(SOURCE_CONTAINER)
            .required(INT64).as(timestampType(true, TimeUnit.MICROS)).named(CREATED_AT)
            .required(INT64).named(EMIT_US)
            .optional(INT64).named(QUEUE_US)
            .optional(INT64).named(LATENCY_US)
            .named("traced_event");
    private static final MessageType FIXED_AFTER_DATA = Types.buildMessage()
            .required(BINARY).as(stringType()).named(VERSION)
            .required(INT64).named(SEQUENCE_NUMBER)
            .required(BINARY).as(stringType()).named(PARTITION_KEY)
            .named("traced_event");

    /** Version 3, with {@code payload} as the fields of the {@code data} group, which is left out when empty. */
    public static MessageType v3(List<Type> payload) {
        List<Type> fields = new ArrayList<>(FIXED_BEFORE_DATA.getFields());
        if (!payload.isEmpty()) {
            fields.add(new GroupType(Type.Repetition.REQUIRED, DATA, payload));
        }
        fields.addAll(FIXED_AFTER_DATA.getFields());
        return new MessageType("traced_event", fields);
    }

    /**
     * The columns a file of any version stores {@code column} in, for a reader asked for it: in version 3 the
     * three later moments are offsets, read with what they are offsets from.
     */
    public static Set<String> storedIn(String column, MessageType file) {
        if (file.containsField(column)) {
            return Set.of(column);
        }
        return switch (column) {
            case EMITTED_AT -> Set.of(CREATED_AT, EMIT_US);
            case RECEIVED_AT -> Set.of(CREATED_AT, EMIT_US, QUEUE_US);
            case PROCESSED_AT -> Set.of(CREATED_AT, LATENCY_US);
            default -> Set.of(column);
        };
    }

    private EventSchema() {}
}
