package dev.evtrace.analyzer;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.EventSchema;
import dev.evtrace.store.TracedEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The reads the commands share, over one store directory, with the analyzer's "not found" errors. */
public final class Store {
    private static final Comparator<TracedEvent> BY_SEQUENCE = Comparator.comparingLong(TracedEvent::sequenceNumber);

    private final String location;
    private final EventDatasetReader reader;

    /** @throws dev.evtrace.store.StoreException when there is no store at {@code location} */
    public Store(String location) {
        this.location = location;
        this.reader = new EventDatasetReader(location);
    }

    public void scan(EventQuery query, Consumer<TracedEvent> sink) {
        reader.scan(query, sink);
    }

    /**
     * Streams what {@code query} selects within {@code run}.
     *
     * @throws DataException when the store holds no event of that run at all
     */
    public void scanRun(String run, EventQuery query, Consumer<TracedEvent> sink) {
        boolean[] matched = {false};
        reader.scan(query.withRun(run), e -> {
            matched[0] = true;
            sink.accept(e);
        });
        // Nothing matched may only mean the type filter excluded everything: tell that apart from a wrong run.
        if (!matched[0]) {
            boolean[] exists = {false};
            reader.scan(EventQuery.run(run).withColumns(Set.of(EventSchema.CORRELATION_ID)), e -> exists[0] = true);
            if (!exists[0]) {
                throw new DataException("no run " + run + " in store " + location);
            }
        }
    }

    /**
     * The first {@code limit} events {@code query} selects within {@code run}, in sequence order. Keeps only
     * {@code limit} events at a time, so a short look at a long run does not hold all of it.
     */
    public List<TracedEvent> readRun(String run, EventQuery query, int limit) {
        PriorityQueue<TracedEvent> kept = new PriorityQueue<>(BY_SEQUENCE.reversed());
        scanRun(run, query, e -> {
            kept.add(e);
            if (kept.size() > limit) {
                kept.poll();
            }
        });
        List<TracedEvent> events = new ArrayList<>(kept);
        events.sort(BY_SEQUENCE);
        return events;
    }

    /** The runs that hold an event with this id, in name order; ids are unique only within a run. */
    public SortedSet<String> runsWithEvent(long eventId) {
        SortedSet<String> runs = new TreeSet<>();
        reader.scan(EventQuery.all().withEventId(eventId).withColumns(Set.of(EventSchema.CORRELATION_ID)),
                e -> runs.add(e.correlationId()));
        return runs;
    }

    public String location() {
        return location;
    }
}
