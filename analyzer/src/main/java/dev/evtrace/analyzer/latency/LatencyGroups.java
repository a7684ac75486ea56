package dev.evtrace.analyzer.latency;

import static dev.evtrace.store.EventSchema.CREATED_AT;
import static dev.evtrace.store.EventSchema.EMITTED_AT;
import static dev.evtrace.store.EventSchema.EVENT_TYPE;
import static dev.evtrace.store.EventSchema.PROCESSED_AT;
import static dev.evtrace.store.EventSchema.RECEIVED_AT;
import static dev.evtrace.store.EventSchema.SEQUENCE_NUMBER;
import static dev.evtrace.store.EventSchema.SOURCE_CONTAINER;

import dev.evtrace.analyzer.Store;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Latency and queue time of one run's events, per event type or per source, listed in the order the run first
 * published each group. Events the bus did not time are timed from their deliveries first.
 */
public final class LatencyGroups {
    private static final Set<String> COLUMNS =
            Set.of(EVENT_TYPE, SOURCE_CONTAINER, CREATED_AT, EMITTED_AT, RECEIVED_AT, PROCESSED_AT, SEQUENCE_NUMBER);

    /** What events are grouped by, and the name of the group in json output. */
    public enum By {
        TYPE("event_type", TracedEvent::eventType),
        SOURCE("source", TracedEvent::sourceContainer);

        final String field;
        final Function<TracedEvent, String> key;

        By(String field, Function<TracedEvent, String> key) {
            this.field = field;
            this.key = key;
        }
    }

    /** Both metrics of one group: latency = processed - created, queue time = received - emitted. */
    public static final class Group {
        private final String key;
        private final LatencyStats latency = new LatencyStats();
        private final LatencyStats queueTime = new LatencyStats();
        private long firstSequence = Long.MAX_VALUE;

        Group(String key) {
            this.key = key;
        }

        void add(TracedEvent e) {
            firstSequence = Math.min(firstSequence, e.sequenceNumber());
            if (e.processedAt() == TracedEvent.ABSENT) {
                latency.recordMissing();
            } else {
                latency.record(e.processedAt() - e.createdAt());
            }
            if (e.receivedAt() == TracedEvent.ABSENT) {
                queueTime.recordMissing();
            } else {
                queueTime.record(e.receivedAt() - e.emittedAt());
            }
        }

        public String key() {
            return key;
        }

        public LatencyStats latency() {
            return latency;
        }

        public LatencyStats queueTime() {
            return queueTime;
        }

        /** Every event of the group, timed or not. */
        public long events() {
            return latency.count() + latency.missing();
        }
    }

    private final By by;
    private final Map<String, Group> groups = new HashMap<>();

    public LatencyGroups(By by) {
        this.by = by;
    }

    /**
     * The groups of one run, read from the store with only the columns they need.
     *
     * @throws dev.evtrace.analyzer.DataException when the store holds no such run
     */
    public static List<Group> of(Store store, String run, By by) {
        LatencyGroups groups = new LatencyGroups(by);
        store.scanRunTimed(run, EventQuery.all().withColumns(COLUMNS), store.deliveries(run), groups::add);
        return groups.groups();
    }

    /** Adds an event, already timed from its deliveries where the bus did not time it. */
    public void add(TracedEvent e) {
        groups.computeIfAbsent(by.key.apply(e), Group::new).add(e);
    }

    public List<Group> groups() {
        List<Group> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparingLong((Group g) -> g.firstSequence).thenComparing(Group::key));
        return ordered;
    }
}
