package dev.evtrace.store.parquet;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.apache.parquet.schema.MessageType;

/** One file's leaf columns for rows of type {@code T}, and how a row's fields map onto them. */
interface RowColumns<T> {
    MessageType schema();

    /** The leaf columns, in the schema's order. */
    PageColumn[] columns();

    /** What the file's footer says of the rows added, besides the writer's own metadata. */
    default Map<String, String> footer() {
        return Map.of();
    }

    /** Whether this file can take {@code row}; if not, the row needs a file of its own shape. */
    default boolean accepts(T row) {
        return true;
    }

    /**
     * Makes the columns of the next file of the same partition, given its first row. It must not hold on to this
     * file's columns, whose page buffers go with the file.
     */
    Function<T, RowColumns<T>> successor();

    /**
     * Adds one row's value (or null) to every leaf column. A row that cannot be written (a null where the
     * schema requires a value) must fail before the first column is touched, so the columns stay in step.
     */
    void add(T row) throws IOException;
}
