package dev.evtrace.store;

import java.io.IOException;
import java.util.Set;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * The selected rows of one data file, pulled one at a time and in the file's order, which the writer makes the
 * sequence order of each run. The file is opened only when its first row is asked for.
 */
final class FileRows implements AutoCloseable {
    /** Opens the file's reader, with the query's projection and filter. */
    interface Opener {
        ParquetReader<TracedEvent> open() throws IOException;
    }

    private final String name;
    private final Opener opener;
    private final Set<String> types;
    private ParquetReader<TracedEvent> reader;
    private boolean closed;

    /**
     * @param name  the file, for errors
     * @param types the event types to keep, or empty for all: a file outside the type partitions may hold several
     */
    FileRows(String name, Opener opener, Set<String> types) {
        this.name = name;
        this.opener = opener;
        this.types = types;
    }

    /** The next selected row, or null once there is none, when the file is closed. */
    TracedEvent next() {
        if (closed) {
            return null;
        }
        try {
            if (reader == null) {
                reader = opener.open();
            }
            for (TracedEvent e = reader.read(); e != null; e = reader.read()) {
                if (types.isEmpty() || types.contains(e.eventType())) {
                    return e;
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw EventDatasetReader.readFailure(name, e);
        }
        close();
        return null;
    }

    @Override
    public void close() {
        closed = true;
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // Nothing more is read from it, and a close failure loses no row already returned.
            }
            reader = null;
        }
    }
}
