package dev.evtrace.analyzer.runs;

import dev.evtrace.store.RowGroupSummary;
import dev.evtrace.store.TracedEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One run's extent and event counts, accumulated by row group or event by event, in any order. */
final class RunSummary {
    private final String run;
    private final Map<String, Long> countByType = new HashMap<>();
    private final Map<String, Long> firstSequenceByType = new HashMap<>();
    private long start = Long.MAX_VALUE;
    private long end = Long.MIN_VALUE;
    private long events;

    RunSummary(String run) {
        this.run = run;
    }

    /** A whole row group at once, from its footer statistics. */
    void add(RowGroupSummary group) {
        start = Math.min(start, group.minCreated());
        end = Math.max(end, Math.max(group.maxCreated(), group.maxProcessed()));
        events += group.events();
        countByType.merge(group.type(), group.events(), Long::sum);
        firstSequenceByType.merge(group.type(), group.minSequence(), Math::min);
    }

    void add(TracedEvent e) {
        start = Math.min(start, e.createdAt());
        // The run ends with the last thing it did: the latest processing, or a later event nobody processed.
        end = Math.max(end, Math.max(e.createdAt(), e.processedAt()));
        events++;
        countByType.merge(e.eventType(), 1L, Long::sum);
        firstSequenceByType.merge(e.eventType(), e.sequenceNumber(), Math::min);
    }

    String run() {
        return run;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    long events() {
        return events;
    }

    long count(String type) {
        return countByType.getOrDefault(type, 0L);
    }

    /** This run's types in the order it first published them (BAR, SIGNAL, ORDER, FILL), not by name. */
    List<String> types() {
        return inPublishOrder(firstSequenceByType);
    }

    /** The types of all these runs, each placed by the earliest position any run first published it at. */
    static List<String> types(Collection<RunSummary> runs) {
        Map<String, Long> first = new HashMap<>();
        for (RunSummary run : runs) {
            run.firstSequenceByType.forEach((type, seq) -> first.merge(type, seq, Math::min));
        }
        return inPublishOrder(first);
    }

    private static List<String> inPublishOrder(Map<String, Long> firstSequenceByType) {
        return firstSequenceByType.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
