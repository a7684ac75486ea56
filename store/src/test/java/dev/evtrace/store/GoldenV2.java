package dev.evtrace.store;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The events of the schema-version-2 golden dataset in {@code src/test/resources/golden/v2} (typed payload
 * columns), and the program that wrote it. {@link GoldenV2Test} reads the committed files and expects exactly
 * these events, so every later schema version must still read what version 2 wrote.
 *
 * <p>Nothing runs this program during a build. It was run once, from the repository root:
 * <pre>
 * mvn -B -q -pl store test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.evtrace.store.GoldenV2 -Dexec.args=store/src/test/resources/golden/v2
 * </pre>
 * Never run it again over {@code golden/v2}, and never change these events.
 */
public final class GoldenV2 {
    static final String RUN = "golden-run-v2";
    static final long START = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2025-06-02T13:30:00Z"));

    private GoldenV2() {}

    /**
     * Bars with a price in cents (a decimal), a volume (a long), a VWAP at full precision (a double) and a venue
     * (text); every fourth bar is followed by an ORDER whose quantity is a long, except the last order's, which
     * is text ("10 lots") and so widens the column to text in a file of its own. One order has a null note,
     * which v2 stores as an absent key.
     */
    static List<TracedEvent> events() {
        List<TracedEvent> events = new ArrayList<>();
        long lastBar = TracedEvent.ABSENT;
        for (int i = 0; i < 16; i++) {
            long id = events.size() + 1;
            long market = START + i * 60_000_000L;
            long created = market + id * 10;
            events.add(new TracedEvent(id, "BAR", market, RUN, TracedEvent.ABSENT, "com.acme.DataFeed", created,
                    created + 1, created + 2, created + 7,
                    Payload.builder(5).text("symbol", i % 2 == 0 ? "AAPL" : "NESN.SW")
                            .doubleValue("close", 101.25 + i * 0.01).longValue("volume", 1_000_000L + i * 137)
                            .doubleValue("vwap", 101.25 + i / 3.0).text("venue", i == 0 ? "SIX Zürich" : "XNAS")
                            .build(),
                    "2", id, ""));
            lastBar = id;
            if (i % 4 == 3) {
                long orderId = id + 1;
                Payload.Builder order = Payload.builder(3).text("side", i == 7 ? "SELL" : "BUY");
                if (i == 15) {
                    order.text("qty", "10 lots");
                } else {
                    order.longValue("qty", 10L * (i + 1));
                }
                events.add(new TracedEvent(orderId, "ORDER", market, RUN, lastBar, "com.acme.RiskManager",
                        created + 5, created + 6, TracedEvent.ABSENT, TracedEvent.ABSENT,
                        (i == 3 ? order.text("note", null) : order).build(), "2", orderId, ""));
            }
        }
        return events;
    }

    /** Writes the golden dataset into the store named by the one argument. */
    public static void main(String[] args) throws IOException {
        try (EventDatasetWriter writer = new EventDatasetWriter(args[0], new WriterOptions("golden", 1_000, Map.of()))) {
            for (TracedEvent event : events()) {
                writer.write(event);
            }
        }
    }
}
