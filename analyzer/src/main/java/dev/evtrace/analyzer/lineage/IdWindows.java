package dev.evtrace.analyzer.lineage;

import dev.evtrace.analyzer.Store;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * One run's events by id, read a window of ids at a time for walking a causation chain. A cause is published
 * before its effects, mostly just before, so the window that ends at an event usually holds its whole chain
 * and one read serves every step. Each read touches only the pages whose statistics overlap the window, in the
 * files whose footers hold the run; what is held is a few windows, however long the run.
 */
final class IdWindows implements LongFunction<TracedEvent> {
    static final long WINDOW = 512;

    private final Store store;
    private final String run;
    private final Set<String> columns;
    private final Map<Long, TracedEvent> events = new HashMap<>();
    private final List<long[]> read = new ArrayList<>();

    IdWindows(Store store, String run, Set<String> columns) {
        this.store = store;
        this.run = run;
        this.columns = columns;
    }

    /** The run's event {@code id}, or null when the store does not hold it. */
    @Override
    public TracedEvent apply(long id) {
        if (read.stream().noneMatch(window -> window[0] <= id && id <= window[1])) {
            long lowest = id - WINDOW + 1;
            store.scan(EventQuery.run(run).withEventIds(lowest, id).withColumns(columns), e -> events.put(e.eventId(), e));
            read.add(new long[] {lowest, id});
        }
        return events.get(id);
    }
}
