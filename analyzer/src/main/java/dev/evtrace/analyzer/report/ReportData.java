package dev.evtrace.analyzer.report;

import dev.evtrace.analyzer.catalog.RunMetrics;
import dev.evtrace.analyzer.latency.LatencyGroups.Group;
import dev.evtrace.analyzer.lineage.CausationChain;
import dev.evtrace.store.Delivery;
import dev.evtrace.store.TracedEvent;
import java.util.List;

/**
 * Everything the report shows about one run.
 *
 * @param latency     per event type, in the order the run first published them, as {@code latency} computes it
 * @param latencyJson what {@code latency --run RUN --format json} prints for the run
 * @param events      the run's events, timed from their deliveries, without their payloads
 * @param fills       the causation chains of the first fills, in publish order
 */
record ReportData(String run, RunMetrics metrics, List<Group> latency, String latencyJson, List<TracedEvent> events,
                  List<Delivery> deliveries, List<CausationChain> fills) {

    /** The run's event types in the order it first published them. */
    List<String> types() {
        return latency.stream().map(Group::key).toList();
    }
}
