package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample backtest run for real, untraced and under tracer.jar, and the store it leaves checked. */
class SampleBacktestIT {
    private static final List<String> ARGS = List.of("--symbols", "8", "--bars", "3000", "--seed", "7");
    /** The types the sample subscribes handlers to; nothing listens to PORTFOLIO or RISK_BREACH. */
    private static final Set<String> HANDLED = Set.of("BAR", "SIGNAL", "ORDER", "FILL");

    @TempDir
    static Path work;

    static JavaProcess untraced;
    static JavaProcess traced;
    static List<TracedEvent> events;
    static Map<Long, TracedEvent> byId;

    @BeforeAll
    static void runBacktestTwice() throws Exception {
        untraced = JavaProcess.untraced(ARGS, work);
        traced = JavaProcess.traced(List.of("-Dtracer.store=" + work.resolve("events")), ARGS, work);
        events = new EventDatasetReader(work.resolve("events").toString()).read(EventQuery.all());
        byId = events.stream().collect(Collectors.toMap(TracedEvent::eventId, Function.identity()));
    }

    @Test
    void printsTheSameResultsWithAndWithoutTheAgent() {
        assertThat(untraced.exitCode()).isZero();
        assertThat(traced.exitCode()).isZero();
        assertThat(traced.stdout()).isEqualTo(untraced.stdout());
    }

    @Test
    void storesEveryPublishedEventOnceInOneRun() {
        assertThat(events).hasSize((int) untraced.eventsPublished());
        assertThat(events).extracting(TracedEvent::correlationId).containsOnly(events.get(0).correlationId());
        assertThat(events.get(0).correlationId()).matches("backtest_\\d{8}_\\d{6}_[0-9a-f]{8}");
        assertThat(events).extracting(TracedEvent::eventType).containsAll(Set.of("BAR", "SIGNAL", "ORDER", "FILL", "PORTFOLIO"));
    }

    @Test
    void numbersEventsWithoutGaps() {
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).sequenceNumber()).isEqualTo(i + 1);
            assertThat(events.get(i).eventId()).isEqualTo(i + 1);
        }
    }

    @Test
    void tracesEveryFillBackToItsSignalAsTheSampleLinksThem() {
        List<TracedEvent> fills = events.stream().filter(e -> e.eventType().equals("FILL")).toList();
        assertThat(fills).isNotEmpty();
        for (TracedEvent fill : fills) {
            TracedEvent order = byId.get(fill.causationId());
            assertThat(order.eventType()).isEqualTo("ORDER");
            assertThat(order.data().get("orderId")).isEqualTo(fill.data().get("orderId"));
            TracedEvent signal = byId.get(order.causationId());
            assertThat(signal.eventType()).isEqualTo("SIGNAL");
            assertThat(signal.data().get("signalId")).isEqualTo(order.data().get("signalId"));
            TracedEvent bar = byId.get(signal.causationId());
            assertThat(bar.eventType()).isEqualTo("BAR");
            assertThat(bar.data().get("symbol")).isEqualTo(signal.data().get("symbol"));
            assertThat(bar.isRoot()).isTrue();
        }
    }

    @Test
    void linksPortfolioUpdatesAndRiskBreachesToTheirCause() {
        for (TracedEvent e : events) {
            if (e.eventType().equals("PORTFOLIO")) {
                TracedEvent fill = byId.get(e.causationId());
                assertThat(fill.eventType()).isEqualTo("FILL");
                assertThat(fill.data().get("fillId")).isEqualTo(e.data().get("fillId"));
            } else if (e.eventType().equals("RISK_BREACH")) {
                TracedEvent order = byId.get(e.causationId());
                assertThat(order.eventType()).isEqualTo("ORDER");
                assertThat(order.data().get("orderId")).isEqualTo(e.data().get("orderId"));
            }
        }
    }

    @Test
    void namesTheEmittingHandlerAsSource() {
        for (TracedEvent e : events) {
            if (e.eventType().equals("BAR")) {
                assertThat(e.sourceContainer()).isEqualTo("main");
            } else {
                assertThat(e.sourceContainer()).startsWith("com.acme.backtest.");
            }
        }
    }

    @Test
    void recordsTheFourTimestampsInOrder() {
        for (TracedEvent e : events) {
            assertThat(e.createdAt()).isLessThanOrEqualTo(e.emittedAt());
            if (HANDLED.contains(e.eventType())) {
                assertThat(e.receivedAt()).as("received %s", e).isGreaterThanOrEqualTo(e.emittedAt());
                assertThat(e.processedAt()).isGreaterThanOrEqualTo(e.receivedAt());
            }
            if (!e.isRoot()) {
                TracedEvent cause = byId.get(e.causationId());
                assertThat(e.createdAt()).isBetween(cause.receivedAt(), cause.processedAt());
            }
        }
    }

    @Test
    void saysWhatItInstrumentedAndWrote() {
        List<String> lines = traced.tracerLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("tracer: instrumented 3 publish methods (1 bus classes), 5 handler classes, "
                + "1 run boundaries, store " + work.resolve("events") + ", a run per call of [com.acme.backtest.Backtest#run]");
        assertThat(lines.get(1)).startsWith("tracer: " + events.size() + " events written to ")
                .contains("(run " + events.get(0).correlationId() + "), 0 dropped")
                .matches(".*, \\d+ ms waiting for buffer space, the writer's CPU \\d+\\.\\d\\d s");
    }

    @Test
    void keepsItsCountersAndTheWritersCpuBesideTheData() throws IOException {
        Properties counters = new Properties();
        try (Stream<Path> files = Files.list(work.resolve("events").resolve("_meta"));
             var in = Files.newInputStream(files.findFirst().orElseThrow())) {
            counters.load(in);
        }
        assertThat(Long.parseLong(counters.getProperty("written"))).isEqualTo(events.size());
        assertThat(Long.parseLong(counters.getProperty("blocked_ms"))).isNotNegative();
        // The writer opened the store, wrote every row and completed the files: that takes CPU on any machine.
        assertThat(Long.parseLong(counters.getProperty("writer_cpu_ms"))).isPositive();
    }
}
