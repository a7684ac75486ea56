package dev.evtrace.store.parquet;

import dev.evtrace.store.EventSchema;
import dev.evtrace.store.TracedEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads {@link TracedEvent}s, materializing only the requested columns: a scan that needs types and times
 * never decodes payloads.
 */
public final class TracedEventReadSupport extends ReadSupport<TracedEvent> {
    private final Set<String> columns;

    /** @param columns the top-level columns to read, or an empty set for all of them */
    public TracedEventReadSupport(Set<String> columns) {
        this.columns = columns;
    }

    @Override
    public ReadContext init(InitContext context) {
        MessageType fileSchema = context.getFileSchema();
        if (!fileSchema.containsField(EventSchema.EVENT_ID) || !fileSchema.containsField(EventSchema.CORRELATION_ID)) {
            throw new IllegalArgumentException("not an event file: it has no event_id/correlation_id column");
        }
        Set<String> stored = new HashSet<>();
        for (String column : columns) {
            stored.addAll(EventSchema.storedIn(column, fileSchema));
        }
        List<Type> fields = new ArrayList<>();
        for (Type field : fileSchema.getFields()) {
            if (columns.isEmpty() || stored.contains(field.getName())) {
                fields.add(field);
            }
        }
        return new ReadContext(new MessageType(fileSchema.getName(), fields));
    }

    @Override
    public RecordMaterializer<TracedEvent> prepareForRead(
            Configuration configuration, Map<String, String> keyValueMetaData, MessageType fileSchema, ReadContext context) {
        return new TracedEventMaterializer(context.getRequestedSchema());
    }
}
