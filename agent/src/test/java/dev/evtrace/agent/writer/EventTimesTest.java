package dev.evtrace.agent.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimesTest {
    record Millis(long timestamp) {}

    record AtInstant(Instant timestamp) {}

    record AtLocal(LocalDateTime timestamp) {}

    record Nothing(String name) {}

    @Test
    void mapsTheEventsOwnTimeToMicros() {
        List<String> warnings = new ArrayList<>();
        EventTimes times = new EventTimes("timestamp", warnings::add);
        assertThat(times.timeOf(new Millis(1_700_000_000_123L), 0)).isEqualTo(1_700_000_000_123_000L);
        assertThat(times.timeOf(new AtInstant(Instant.ofEpochSecond(1_700_000_000L, 456_789_000)), 0))
                .isEqualTo(1_700_000_000_456_789L);
        assertThat(times.timeOf(new AtLocal(LocalDateTime.of(2024, 1, 2, 3, 4, 5)), 0))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05Z").toEpochMilli() * 1_000);
        assertThat(times.timeOf(new Nothing("x"), 42)).isEqualTo(42);
        assertThat(warnings).singleElement().asString().contains("has no method or field 'timestamp' (tracer.event.timestamp)");
    }

    @Test
    void withoutAnAccessorTheCreatedTimeStands() {
        assertThat(new EventTimes("", w -> {}).timeOf(new Millis(5), 99)).isEqualTo(99);
    }
}
