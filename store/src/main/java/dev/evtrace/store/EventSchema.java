package dev.evtrace.store;

import static org.apache.parquet.schema.LogicalTypeAnnotation.mapType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schemas of the event dataset. Version 1 kept the payload as a string map; version 2 (written
 * now) keeps it as a group {@code data} with a typed column per key, which differs between event types and so
 * between files (read a glob of several types with {@code union_by_name=true} in DuckDB, {@code mergeSchema}
 * in Spark). Every other column is the same in both.
 */
public final class EventSchema {
    public static final String EVENT_ID = "event_id";
    public static final String EVENT_TYPE = "event_type";
    public static final String TIMESTAMP = "timestamp";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String CAUSATION_ID = "causation_id";
    public static final String SOURCE_CONTAINER = "source_container";
    public static final String CREATED_AT = "created_at";
    public static final String EMITTED_AT = "emitted_at";
    public static final String RECEIVED_AT = "received_at";
    public static final String PROCESSED_AT = "processed_at";
    public static final String DATA = "data";
    public static final String VERSION = "version";
    public static final String SEQUENCE_NUMBER = "sequence_number";
    public static final String PARTITION_KEY = "partition_key";

    public static final MessageType V1 = Types.buildMessage()
            .required(INT64).named(EVENT_ID)
            .required(BINARY).as(stringType()).named(EVENT_TYPE)
            .required(INT64).as(timestampType(true, TimeUnit.MICROS)).named(TIMESTAMP)
            .required(BINARY).as(stringType()).named(CORRELATION_ID)
            .optional(INT64).named(CAUSATION_ID)
            .required(BINARY).as(stringType()).named(SOURCE_CONTAINER)
            .required(INT64).as(timestampType(true, TimeUnit.MICROS)).named(CREATED_AT)
            .required(INT64).as(timestampType(true, TimeUnit.MICROS)).named(EMITTED_AT)
            .optional(INT64).as(timestampType(true, TimeUnit.MICROS)).named(RECEIVED_AT)
            .optional(INT64).as(timestampType(true, TimeUnit.MICROS)).named(PROCESSED_AT)
            .requiredMap()
                .key(BINARY).as(stringType())
                .optionalValue(BINARY).as(stringType())
                .named(DATA)
            .required(BINARY).as(stringType()).named(VERSION)
            .required(INT64).named(SEQUENCE_NUMBER)
            .required(BINARY).as(stringType()).named(PARTITION_KEY)
            .named("traced_event");

    /** Version 2, with {@code payload} as the fields of the {@code data} group, which is left out when empty. */
    public static MessageType v2(List<Type> payload) {
        List<Type> fields = new ArrayList<>();
        for (Type field : V1.getFields()) {
            if (!field.getName().equals(DATA)) {
                fields.add(field);
            } else if (!payload.isEmpty()) {
                fields.add(new GroupType(Type.Repetition.REQUIRED, DATA, payload));
            }
        }
        return new MessageType("traced_event", fields);
    }

    private EventSchema() {}
}
