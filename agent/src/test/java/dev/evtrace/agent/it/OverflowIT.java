package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ring too small for the writer to keep up: with overflow=drop, only non-critical events may go, and every loss is on record. */
class OverflowIT {
    private static final Set<String> CRITICAL = Set.of("SIGNAL", "ORDER", "FILL", "RISK_BREACH", "PORTFOLIO");

    @TempDir
    Path work;

    @Test
    void dropsOnlyNonCriticalEventsAndRecordsEveryLoss() throws Exception {
        Path store = work.resolve("events");
        List<String> args = List.of("--symbols", "10", "--bars", "3000");
        JavaProcess untraced = JavaProcess.untraced(args, work);
        JavaProcess traced = JavaProcess.traced(List.of("-Dtracer.store=" + store, "-Dtracer.buffer.size=1024",
                "-Dtracer.overflow=drop"), args, work);
        assertThat(traced.stdout()).isEqualTo(untraced.stdout());

        EventDatasetReader reader = new EventDatasetReader(store.toString());
        List<TracedEvent> events = reader.read(EventQuery.all());
        List<TracedEvent> real = events.stream().filter(e -> e.eventId() > 0).toList();
        long published = untraced.eventsPublished();
        long lost = published - real.size();
        long recordedLoss = events.stream().filter(e -> e.eventType().equals("TRACER_DATA_LOSS"))
                .mapToLong(e -> Long.parseLong(e.data().get("dropped_events"))).sum();
        assertThat(lost).isPositive();
        assertThat(recordedLoss).isEqualTo(lost);

        // Every critical event the sample published is there: its chain links prove it (a fill's order, its signal).
        List<Long> ids = real.stream().map(TracedEvent::eventId).toList();
        for (TracedEvent e : real) {
            if (CRITICAL.contains(e.eventType()) && !e.eventType().equals("SIGNAL")) {
                assertThat(ids).as("cause of %s", e).contains(e.causationId());
            }
        }
        assertThat(real).filteredOn(e -> e.eventType().equals("FILL")).hasSize(Integer.parseInt(
                untraced.stdout().lines().filter(l -> l.startsWith("trades: ")).findFirst().orElseThrow().substring(8).trim()));

        Properties counters = new Properties();
        try (Stream<Path> files = Files.list(store.resolve("_meta"))) {
            try (var in = Files.newInputStream(files.findFirst().orElseThrow())) {
                counters.load(in);
            }
        }
        assertThat(Long.parseLong(counters.getProperty("published"))).isEqualTo(published);
        assertThat(Long.parseLong(counters.getProperty("dropped"))).isEqualTo(lost);
        // The loss markers are rows of the store, not events: neither count has them.
        assertThat(Long.parseLong(counters.getProperty("written"))).isEqualTo(real.size());
        assertThat(traced.tracerLines()).anyMatch(l -> l.startsWith("tracer: " + real.size() + " events written to ")
                && l.contains(", " + lost + " dropped, "));
        assertThat(reader.writerCounters().published(real.get(0).correlationId())).hasValue(published);
    }
}
