package dev.evtrace.analyzer.lineage;

import dev.evtrace.analyzer.DataException;
import dev.evtrace.store.TracedEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * The events that led to {@code target}, root first and {@code target} last: the seed's find_signal_to_fill_path.
 *
 * @param steps never empty; only the first may be {@link Step#missing()}
 */
public record CausationChain(TracedEvent target, List<Step> steps) {

    /** One link: an event, or just the id of a cause the store does not hold (then {@code event} is null). */
    public record Step(long eventId, TracedEvent event) {
        public boolean missing() {
            return event == null;
        }
    }

    /**
     * Follows causation ids from {@code target} up through {@code run}, which gives the run's event of an id, or
     * null. Stops at a root, or at a cause missing from the run, which becomes the first step.
     *
     * @throws DataException when the causation ids loop, which no tracer writes but a damaged store may hold
     */
    public static CausationChain walk(TracedEvent target, LongFunction<TracedEvent> run) {
        Deque<Step> steps = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        TracedEvent event = target;
        steps.addFirst(new Step(event.eventId(), event));
        seen.add(event.eventId());
        while (!event.isRoot()) {
            long cause = event.causationId();
            if (!seen.add(cause)) {
                throw new DataException("causation ids loop through event " + cause + " in run " + target.correlationId());
            }
            event = run.apply(cause);
            if (event == null) {
                steps.addFirst(new Step(cause, null));
                break;
            }
            steps.addFirst(new Step(cause, event));
        }
        return new CausationChain(target, List.copyOf(steps));
    }

    /** True when the chain reaches a root event; false when a cause is missing from the store. */
    public boolean complete() {
        return !steps.get(0).missing();
    }

    /** e.g. "BAR -> SIGNAL -> ORDER -> FILL", or "(missing 7) -> ORDER -> FILL". */
    public String path() {
        return steps.stream()
                .map(s -> s.missing() ? "(missing " + s.eventId() + ")" : s.event().eventType())
                .collect(Collectors.joining(" -> "));
    }

    /** Creation time of the earliest event the chain holds: what each step's elapsed time counts from. */
    public long firstCreatedAt() {
        return steps.get(complete() ? 0 : 1).event().createdAt();
    }
}
