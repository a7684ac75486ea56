package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.TracedEvent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sample's own links between events (an order's signalId, a fill's orderId …), the ground truth for lineage. */
final class DomainLinks {
    private DomainLinks() {}

    /** Every caused event's traced cause is the one its domain object names; checked run by run. */
    static void assertLineageMatches(List<TracedEvent> events) {
        Map<String, List<TracedEvent>> runs = events.stream().collect(Collectors.groupingBy(TracedEvent::correlationId));
        for (List<TracedEvent> run : runs.values()) {
            Map<Long, TracedEvent> byId = run.stream().collect(Collectors.toMap(TracedEvent::eventId, Function.identity()));
            for (TracedEvent e : run) {
                switch (e.eventType()) {
                    case "FILL" -> assertCause(e, byId, "ORDER", "orderId");
                    case "ORDER" -> assertCause(e, byId, "SIGNAL", "signalId");
                    case "RISK_BREACH" -> assertCause(e, byId, "ORDER", "orderId");
                    case "PORTFOLIO" -> assertCause(e, byId, "FILL", "fillId");
                    case "SIGNAL" -> {
                        TracedEvent bar = cause(e, byId);
                        assertThat(bar.eventType()).as("cause of %s", e).isEqualTo("BAR");
                        assertThat(bar.data().get("symbol")).isEqualTo(e.data().get("symbol"));
                    }
                    case "BAR" -> assertThat(e.isRoot()).as("BAR is a root: %s", e).isTrue();
                    default -> { }
                }
            }
        }
    }

    private static void assertCause(TracedEvent e, Map<Long, TracedEvent> byId, String type, String key) {
        TracedEvent cause = cause(e, byId);
        assertThat(cause.eventType()).as("cause of %s", e).isEqualTo(type);
        assertThat(cause.data().get(key)).as("%s of %s", key, e).isEqualTo(e.data().get(key));
    }

    private static TracedEvent cause(TracedEvent e, Map<Long, TracedEvent> byId) {
        TracedEvent cause = byId.get(e.causationId());
        assertThat(cause).as("the cause of %s is in its run", e).isNotNull();
        return cause;
    }
}
