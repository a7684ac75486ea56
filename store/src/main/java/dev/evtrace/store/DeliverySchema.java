package dev.evtrace.store;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of the delivery dataset ({@code <store>/deliveries/date=…/}), as written beside events of
 * schema version 3: a handler's entry as a timestamp and its run as {@code duration_us}. Beside versions 1 and 2
 * it kept {@code processed_at} as a second timestamp instead; readers read both.
 */
public final class DeliverySchema {
    public static final String CORRELATION_ID = "correlation_id";
    public static final String EVENT_ID = "event_id";
    public static final String EVENT_TYPE = "event_type";
    public static final String HANDLER = "handler";
    public static final String THREAD = "thread";
    public static final String RECEIVED_AT = "received_at";
    /** Beside event schema versions 1 and 2 only. */
    public static final String PROCESSED_AT = "processed_at";
    public static final String DURATION_US = "duration_us";
    public static final String THREW = "threw";

    public static final MessageType SCHEMA = Types.buildMessage()
            .required(BINARY).as(stringType()).named(CORRELATION_ID)
            .required(INT64).named(EVENT_ID)
            .required(BINARY).as(stringType()).named(EVENT_TYPE)
            .required(BINARY).as(stringType()).named(HANDLER)
            .required(BINARY).as(stringType()).named(THREAD)
            .required(INT64).as(timestampType(true, TimeUnit.MICROS)).named(RECEIVED_AT)
            .required(INT64).named(DURATION_US)
            .required(BOOLEAN).named(THREW)
            .named("delivery");

    private DeliverySchema() {}
}
