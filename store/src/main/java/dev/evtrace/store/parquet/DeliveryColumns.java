package dev.evtrace.store.parquet;

import static dev.evtrace.store.DeliverySchema.*;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.DeliverySchema;
import java.io.IOException;
import java.util.function.Function;
import org.apache.parquet.schema.MessageType;

/** The columns of one file of {@link DeliverySchema#SCHEMA}. */
final class DeliveryColumns extends RowColumns<Delivery> {
    private final FieldStrings runs;
    private final FieldStrings eventTypes;
    private final FieldStrings handlers;
    private final FieldStrings threads;
    private final DictionaryColumn correlationId = strings(CORRELATION_ID);
    private final LongColumn eventId = new LongColumn(SCHEMA.getColumnDescription(new String[] {EVENT_ID}));
    private final DictionaryColumn eventType = strings(EVENT_TYPE);
    private final DictionaryColumn handler = strings(HANDLER);
    private final DictionaryColumn thread = strings(THREAD);
    private final LongColumn receivedAt = new LongColumn(SCHEMA.getColumnDescription(new String[] {RECEIVED_AT}));
    private final LongColumn durationUs = new LongColumn(SCHEMA.getColumnDescription(new String[] {DURATION_US}));
    private final BooleanColumn threw = new BooleanColumn(SCHEMA.getColumnDescription(new String[] {THREW}));
    private final PageColumn[] columns = {correlationId, eventId, eventType, handler, thread, receivedAt, durationUs,
            threw};

    private final Utf8Cache strings;

    DeliveryColumns(Utf8Cache strings) {
        this.strings = strings;
        this.runs = new FieldStrings(strings);
        this.eventTypes = new FieldStrings(strings);
        this.handlers = new FieldStrings(strings);
        this.threads = new FieldStrings(strings);
    }

    @Override
    MessageType schema() {
        return SCHEMA;
    }

    @Override
    Function<Delivery, RowColumns<Delivery>> successor() {
        Utf8Cache cache = strings;
        return first -> new DeliveryColumns(cache);
    }

    @Override
    PageColumn[] columns() {
        return columns;
    }

    @Override
    void add(Delivery d) throws IOException {
        // Everything that can fail on a null comes first: then a bad row leaves every column as it was.
        Utf8 run = runs.get(d.correlationId());
        Utf8 type = eventTypes.get(d.eventType());
        Utf8 handlerName = handlers.get(d.handler());
        Utf8 threadName = threads.get(d.thread());

        correlationId.add(run);
        eventId.add(d.eventId());
        eventType.add(type);
        handler.add(handlerName);
        thread.add(threadName);
        receivedAt.add(d.receivedAt());
        durationUs.add(d.durationMicros());
        threw.add(d.threw());
    }

    private static DictionaryColumn strings(String name) {
        return new DictionaryColumn(SCHEMA.getColumnDescription(new String[] {name}));
    }
}
