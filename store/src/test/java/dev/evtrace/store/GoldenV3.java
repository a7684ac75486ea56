package dev.evtrace.store;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The events and deliveries of the schema-version-3 golden dataset in {@code src/test/resources/golden/v3}
 * (later moments as microseconds after {@code created_at}, deliveries with a duration), and the program that
 * wrote it. {@link GoldenV3Test} reads the committed files and expects exactly these rows, so every later schema
 * version must still read what version 3 wrote.
 *
 * <p>Nothing runs this program during a build. It was run once, from the repository root:
 * <pre>
 * mvn -B -q -pl store test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.evtrace.store.GoldenV3 -Dexec.args=store/src/test/resources/golden/v3
 * </pre>
 * Never run it again over {@code golden/v3}, and never change these rows.
 */
public final class GoldenV3 {
    static final String RUN = "golden-run-v3";
    static final long START = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2026-12-04T14:30:00Z"));

    private GoldenV3() {}

    /**
     * Bars handled as they are published (all four moments; the third emitted a microsecond after its creation),
     * each followed by a SIGNAL it caused; every third signal is queued, so no handler ran during its publish
     * and it has no received or processed moment.
     */
    static List<TracedEvent> events() {
        List<TracedEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long bar = events.size() + 1;
            long market = START + i * 60_000_000L;
            long created = market + 250 + i * 3;
            long emitted = i == 2 ? created + 1 : created;
            events.add(new TracedEvent(bar, "BAR", market, RUN, TracedEvent.ABSENT, "com.acme.DataFeed", created,
                    emitted, emitted + 2, created + 40 + i,
                    Payload.builder(2).text("symbol", i % 2 == 0 ? "AAPL" : "MSFT").longValue("volume", 900L + i).build(),
                    "3", bar, ""));
            long signal = bar + 1;
            boolean queued = i % 3 == 0;
            events.add(new TracedEvent(signal, "SIGNAL", market, RUN, bar, "com.acme.Strategy", created + 10,
                    created + 10, queued ? TracedEvent.ABSENT : created + 11, queued ? TracedEvent.ABSENT : created + 30,
                    Payload.builder(1).text("direction", "LONG").build(), "3", signal, ""));
        }
        return events;
    }

    /** The bars' deliveries: two handlers each, the second throwing for the fourth bar. */
    static List<Delivery> deliveries() {
        List<Delivery> rows = new ArrayList<>();
        for (TracedEvent e : events()) {
            if (e.eventType().equals("BAR")) {
                rows.add(new Delivery(RUN, e.eventId(), "BAR", "com.acme.Portfolio", "main", e.receivedAt(),
                        e.receivedAt() + 4, false));
                rows.add(new Delivery(RUN, e.eventId(), "BAR", "com.acme.Strategy", "main", e.receivedAt() + 5,
                        e.processedAt(), e.eventId() == 7));
            }
        }
        return rows;
    }

    /** Writes the golden dataset into the store named by the one argument. */
    public static void main(String[] args) throws IOException {
        try (EventDatasetWriter writer = new EventDatasetWriter(args[0], new WriterOptions("golden", 1_000, Map.of()))) {
            for (TracedEvent event : events()) {
                writer.write(event);
            }
            for (Delivery delivery : deliveries()) {
                writer.write(delivery);
            }
        }
    }
}
