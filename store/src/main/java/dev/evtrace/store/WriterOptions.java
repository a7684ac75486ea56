package dev.evtrace.store;

import java.util.Map;

/**
 * How a {@link EventDatasetWriter} writes.
 *
 * @param writerId   unique per writing process (host, pid, random), so many writers share one dataset
 * @param rollEvents a file is closed, and becomes visible, after this many events
 * @param footer     key/values stored in every file's footer (agent version, settings)
 */
public record WriterOptions(String writerId, long rollEvents, Map<String, String> footer) {
    public static final long DEFAULT_ROLL_EVENTS = 1_000_000;

    public WriterOptions {
        if (rollEvents < 1) {
            throw new IllegalArgumentException("rollEvents must be at least 1, was " + rollEvents);
        }
        footer = Map.copyOf(footer);
    }

    public static WriterOptions defaults() {
        return new WriterOptions(WriterIds.newId(), DEFAULT_ROLL_EVENTS, Map.of());
    }
}
