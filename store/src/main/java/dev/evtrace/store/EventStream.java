package dev.evtrace.store;

import java.util.Iterator;

/**
 * Events as they are read, one at a time, so that a reader of a long run holds a row per open file rather than
 * the run. Close it to release the files it has open; closing it early, once enough was read, is the point.
 */
public interface EventStream extends Iterator<TracedEvent>, AutoCloseable {
    /** Closes the files still open; idempotent, and never throws. */
    @Override
    void close();
}
