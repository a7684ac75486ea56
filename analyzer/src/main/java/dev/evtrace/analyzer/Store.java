package dev.evtrace.analyzer;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.EventStream;
import dev.evtrace.store.RowGroupSummary;
import dev.evtrace.store.EventSchema;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterCounters;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The reads the commands share, over one store directory, with the analyzer's "not found" errors. */
public final class Store {
    private final String location;
    private final EventDatasetReader reader;
    private final Progress progress;

    /** @throws dev.evtrace.store.StoreException when there is no store at {@code location} */
    public Store(String location, Progress progress) {
        this.location = location;
        this.reader = new EventDatasetReader(location);
        this.progress = progress;
    }

    public void scan(EventQuery query, Consumer<TracedEvent> sink) {
        try (Progress.Task task = progress.start("reading " + location, () -> reader.rowsToScan(query))) {
            reader.scan(query, e -> {
                task.step();
                sink.accept(e);
            });
        }
    }

    /**
     * Streams what {@code query} selects within {@code run}.
     *
     * @throws DataException when the store holds no event of that run at all
     */
    public void scanRun(String run, EventQuery query, Consumer<TracedEvent> sink) {
        boolean[] matched = {false};
        EventQuery inRun = query.withRun(run);
        try (Progress.Task task = progress.start("reading " + run, () -> reader.rowsToScan(inRun))) {
            reader.scan(inRun, e -> {
                matched[0] = true;
                task.step();
                sink.accept(e);
            });
        }
        // Nothing matched may only mean the filters excluded everything: tell that apart from a wrong run.
        if (!matched[0]) {
            requireRun(run);
        }
    }

    /** @throws DataException when the store holds no event of {@code run} */
    public void requireRun(String run) {
        boolean[] exists = {false};
        reader.scan(EventQuery.run(run).withColumns(Set.of(EventSchema.CORRELATION_ID)), e -> exists[0] = true);
        if (!exists[0]) {
            throw new DataException("no run " + run + " in store " + location);
        }
    }

    /**
     * Like {@link #scanRun}, each event completed from the run's deliveries (see {@link Deliveries}). The query
     * must keep the received and processed columns, or every event would look untimed.
     */
    public void scanRunTimed(String run, EventQuery query, Deliveries deliveries, Consumer<TracedEvent> sink) {
        scanRun(run, query, e -> sink.accept(deliveries.complete(e)));
    }

    /** Every handler delivery of {@code run}; none for a store written before deliveries were recorded. */
    public Deliveries deliveries(String run) {
        return new Deliveries(reader.deliveries(run));
    }

    /** Every run in the store, in name order. */
    public SortedSet<String> runs() {
        SortedSet<String> runs = new TreeSet<>();
        reader.summarize(group -> runs.add(group.run()), Set.of(EventSchema.CORRELATION_ID), e -> runs.add(e.correlationId()));
        return runs;
    }

    /** What the writers counted beside the data (events sampled out per run and type). */
    public WriterCounters writerCounters() {
        return reader.writerCounters();
    }

    /** Row group summaries from the footers; the events of files that mix runs go to {@code mixed}. */
    public void summarize(Consumer<RowGroupSummary> groups, Set<String> columns, Consumer<TracedEvent> mixed) {
        reader.summarize(groups, columns, mixed);
    }

    /**
     * The events {@code query} selects within {@code run}, in sequence order, read as they are taken (see
     * {@link EventDatasetReader#stream}): however long the run, only a row per open file is held. No progress bar:
     * who takes the events prints them as they come.
     *
     * @throws DataException when nothing matched and the store holds no event of {@code run}
     */
    public EventStream streamRun(String run, EventQuery query) {
        EventStream events = reader.stream(query.withRun(run));
        // Nothing matched may only mean the filters excluded everything: tell that apart from a wrong run.
        if (!events.hasNext()) {
            events.close();
            requireRun(run);
        }
        return events;
    }

    /** The highest event id {@code query} may select within {@code run}, from the footers: a bound, if they say. */
    public OptionalLong maxEventId(String run, EventQuery query) {
        return reader.maxEventId(query.withRun(run));
    }

    /** The event types {@code query} may select within {@code run}, from the footers. */
    public SortedSet<String> types(String run, EventQuery query) {
        return reader.types(query.withRun(run));
    }

    /** The runs that hold an event with this id, in name order; ids are unique only within a run. */
    public SortedSet<String> runsWithEvent(long eventId) {
        return reader.runsWithEvent(eventId);
    }

    public String location() {
        return location;
    }
}
