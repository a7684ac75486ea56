package dev.evtrace.store.parquet;

import java.io.IOException;
import org.apache.parquet.schema.MessageType;

/** One file's leaf columns for rows of type {@code T}, and how a row's fields map onto them. */
interface RowColumns<T> {
    MessageType schema();

    /** The leaf columns, in the schema's order. */
    PageColumn[] columns();

    /**
     * Adds one row's value (or null) to every leaf column. A row that cannot be written (a null where the
     * schema requires a value) must fail before the first column is touched, so the columns stay in step.
     */
    void add(T row) throws IOException;
}
