package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.TracedEvent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The test programs' events name the type of their expected cause in their {@code cause} field. */
final class ExpectedCauses {
    private ExpectedCauses() {}

    /** Each event's traced cause has the type it names, and one that names none is a root. */
    static void assertEachAsItsEventSays(List<TracedEvent> events) {
        Map<Long, TracedEvent> byId = events.stream().collect(Collectors.toMap(TracedEvent::eventId, Function.identity()));
        for (TracedEvent e : events) {
            String expectedCause = e.data().get("cause");
            if (expectedCause.isEmpty()) {
                assertThat(e.isRoot()).as("%s is a root", e.eventType()).isTrue();
            } else {
                assertThat(byId.get(e.causationId()).eventType()).as("cause of %s", e.eventType()).isEqualTo(expectedCause);
            }
        }
    }
}
