package dev.evtrace.store;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of the schema-version-1 golden dataset in {@code src/test/resources/golden/v1}, and the program
 * that wrote it. {@link GoldenV1Test} reads the committed files and expects exactly these events, so every
 * later schema version must still read what version 1 wrote.
 *
 * <p>Nothing runs this program during a build. It was run once, from the repository root:
 * <pre>
 * mvn -B -q -pl store test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.evtrace.store.GoldenV1 -Dexec.args=store/src/test/resources/golden/v1
 * </pre>
 * Never run it again over {@code golden/v1}, and never change these events: a new schema version gets a
 * directory of its own ({@code golden/v2}) next to this one.
 */
public final class GoldenV1 {
    static final String RUN = "golden-run";
    static final long START = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2025-01-02T14:30:00Z"));
    /** B = BAR (a root), S = SIGNAL caused by the last bar, F = FILL caused by the last signal and never received. */
    private static final String PATTERN = "BBSFBBSBBSFBBSBBSFBB";

    private GoldenV1() {}

    static List<TracedEvent> events() {
        List<TracedEvent> events = new ArrayList<>();
        int bars = 0;
        long bar = TracedEvent.ABSENT;
        long signal = TracedEvent.ABSENT;
        long market = START;
        String symbol = "";
        for (char kind : PATTERN.toCharArray()) {
            long id = events.size() + 1;
            if (kind == 'B') {
                market = START + bars * 60_000_000L;
                symbol = bars % 2 == 0 ? "AAPL" : "NESN.SW";
                bars++;
                bar = id;
            } else if (kind == 'S') {
                signal = id;
            }
            long created = market + id * 10;
            events.add(switch (kind) {
                case 'B' -> new TracedEvent(id, "BAR", market, RUN, TracedEvent.ABSENT, "com.acme.DataFeed", created,
                        created + 1, created + 2, created + 7, id == 1
                                ? payload("symbol", symbol, "close", "101.25", "venue", "SIX Zürich")
                                : payload("symbol", symbol, "close", Long.toString(100 + id)),
                        "1", id, symbol);
                // The second signal carries no payload at all.
                case 'S' -> new TracedEvent(id, "SIGNAL", market, RUN, bar, "com.acme.MaCrossStrategy", created,
                        created + 1, created + 3, created + 9,
                        id == 7 ? payload() : payload("symbol", symbol, "side", "BUY"),
                        "1", id, symbol);
                // A payload value may be null; a fill has no received or processed time and no partition key.
                default -> new TracedEvent(id, "FILL", market, RUN, signal, "com.acme.SimulatedBroker", created,
                        created + 1, TracedEvent.ABSENT, TracedEvent.ABSENT,
                        payload("symbol", symbol, "qty", "10", "note", null), "1", id, "");
            });
        }
        return events;
    }

    /** Keys and values in the order given, so every run of {@link #main} writes the same bytes. */
    private static Map<String, String> payload(String... keysAndValues) {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
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
