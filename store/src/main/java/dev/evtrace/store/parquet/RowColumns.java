package dev.evtrace.store.parquet;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.apache.parquet.schema.MessageType;

/**
 * One file's leaf columns for rows of type {@code T}, and how a row's fields map onto them. A class rather than an
 * interface, so that C1, which compiles the writer, calls its methods through the vtable instead of itable stubs
 * (those were 1% of a traced run's writer in a profile; in pairs the difference was within the noise, −0.4%:
 * BENCHMARKS.md, session 32).
 */
abstract class RowColumns<T> {
    abstract MessageType schema();

    /** The leaf columns, in the schema's order. */
    abstract PageColumn[] columns();

    /** What the file's footer says of the rows added, besides the writer's own metadata. */
    Map<String, String> footer() {
        return Map.of();
    }

    /** Whether this file can take {@code row}; if not, the row needs a file of its own shape. */
    boolean accepts(T row) {
        return true;
    }

    /**
     * Makes the columns of the next file of the same partition, given its first row. It must not hold on to this
     * file's columns, whose page buffers go with the file.
     */
    abstract Function<T, RowColumns<T>> successor();

    /**
     * Adds one row's value (or null) to every leaf column. A row that cannot be written (a null where the
     * schema requires a value) must fail before the first column is touched, so the columns stay in step.
     */
    abstract void add(T row) throws IOException;
}
