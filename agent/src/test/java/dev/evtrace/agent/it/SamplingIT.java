package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tracer.sample.rate: the writer keeps every critical event with its lineage, a share of the rest, and says what it left out. */
class SamplingIT {
    private static final Set<String> CRITICAL = Set.of("SIGNAL", "ORDER", "FILL", "RISK_BREACH", "PORTFOLIO");

    @TempDir
    Path work;

    @Test
    void keepsEveryCriticalEventAndCountsWhatItLeftOut() throws Exception {
        Path store = work.resolve("events");
        List<String> args = List.of("--symbols", "6", "--bars", "1500", "--seed", "7");
        JavaProcess untraced = JavaProcess.untraced(args, work);
        JavaProcess traced = JavaProcess.traced(List.of("-Dtracer.store=" + store, "-Dtracer.sample.rate=0.1"), args, work);
        assertThat(traced.stdout()).isEqualTo(untraced.stdout());

        EventDatasetReader reader = new EventDatasetReader(store.toString());
        List<TracedEvent> events = reader.read(EventQuery.all());
        long published = untraced.eventsPublished();
        assertThat(events.size()).isLessThan((int) published);
        long bars = events.stream().filter(e -> e.eventType().equals("BAR")).count();
        assertThat(bars).isPositive();

        Set<Long> kept = events.stream().map(TracedEvent::eventId).collect(Collectors.toSet());
        for (TracedEvent e : events) {
            if (CRITICAL.contains(e.eventType()) && !e.eventType().equals("SIGNAL")) {
                assertThat(kept).as("the critical cause of %s", e).contains(e.causationId());
            }
        }
        for (Delivery d : reader.deliveries(null)) {
            assertThat(kept).as("a delivery is written with its event").contains(d.eventId());
        }

        Properties counters = new Properties();
        try (Stream<Path> files = Files.list(store.resolve("_meta")); var in = Files.newInputStream(files.findFirst().orElseThrow())) {
            counters.load(in);
        }
        long sampledOut = counters.stringPropertyNames().stream().filter(k -> k.startsWith("sampled_out."))
                .mapToLong(k -> Long.parseLong(counters.getProperty(k))).sum();
        assertThat(counters.stringPropertyNames()).allMatch(k -> !k.startsWith("sampled_out.") || k.endsWith(".BAR"));
        assertThat(sampledOut + events.size()).isEqualTo(published);
        assertThat(traced.tracerLines().get(1)).contains(sampledOut + " sampled out, 0 dropped");
    }
}
