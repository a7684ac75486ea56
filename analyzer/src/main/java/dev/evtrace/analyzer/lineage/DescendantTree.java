package dev.evtrace.analyzer.lineage;

import dev.evtrace.analyzer.DataException;
import dev.evtrace.store.TracedEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an event led to: the event, the events its handlers published, theirs, and so on. The downward twin of
 * {@link CausationChain}, kept flat in pre-order (each node followed by its subtree, siblings in publish order)
 * so that printing a tree thousands of levels deep needs no recursion.
 *
 * @param nodes the root first, at depth 0
 */
record DescendantTree(List<Node> nodes) {

    /** One event of the tree, {@code depth} levels below the root. */
    record Node(TracedEvent event, int depth) {}

    /** Every event of a run, indexed by the event whose handler published it, each list in publish order. */
    static Map<Long, List<TracedEvent>> byCause(Collection<TracedEvent> run) {
        Map<Long, List<TracedEvent>> byCause = new HashMap<>();
        for (TracedEvent e : run) {
            if (!e.isRoot()) {
                byCause.computeIfAbsent(e.causationId(), k -> new ArrayList<>()).add(e);
            }
        }
        byCause.values().forEach(effects -> effects.sort(Comparator.comparingLong(TracedEvent::sequenceNumber)));
        return byCause;
    }

    /**
     * @throws DataException when an event is its own descendant, which no tracer writes but a damaged store may
     *                       hold
     */
    static DescendantTree grow(TracedEvent root, Map<Long, List<TracedEvent>> byCause) {
        List<Node> nodes = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(new Node(root, 0));
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!seen.add(node.event().eventId())) {
                throw new DataException("causation ids loop through event " + node.event().eventId() + " in run "
                        + root.correlationId());
            }
            nodes.add(node);
            List<TracedEvent> effects = byCause.getOrDefault(node.event().eventId(), List.of());
            // Pushed last to first, so the first effect is popped, and printed, first.
            for (int i = effects.size() - 1; i >= 0; i--) {
                pending.push(new Node(effects.get(i), node.depth() + 1));
            }
        }
        return new DescendantTree(List.copyOf(nodes));
    }

    TracedEvent root() {
        return nodes.get(0).event();
    }
}
