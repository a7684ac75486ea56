package dev.evtrace.analyzer;

import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small real stores for the command tests, with the real writer. A pipeline run is a backtest in
 * miniature: bars, and on every third bar a SIGNAL, the ORDER it causes and that order's FILL.
 */
public final class StoreFixture {
    /** 2025-11-24T16:00:00Z in epoch microseconds. */
    public static final long T0 = 1_764_000_000_000_000L;

    private final Path dir;
    private final List<TracedEvent> events = new ArrayList<>();

    public StoreFixture(Path dir) {
        this.dir = dir;
    }

    /**
     * An event created {@code id} ms after {@code start}, emitted at once, received 1 ms and processed 2 ms later.
     * Its sequence number is its id, as the tracer writes them.
     */
    public static TracedEvent event(String run, long start, long id, String type, long cause, Map<String, String> data) {
        long created = start + id * 1_000;
        return new TracedEvent(id, type, created, run, cause, sourceOf(type), created, created, created + 1_000,
                created + 2_000, data, TracedEvent.CURRENT_VERSION, id, "");
    }

    static String sourceOf(String type) {
        return switch (type) {
            case "BAR" -> "dev.evtrace.samples.backtest.CsvDataFeed";
            case "SIGNAL" -> "dev.evtrace.samples.backtest.MomentumStrategy";
            case "ORDER" -> "dev.evtrace.samples.backtest.Portfolio";
            default -> "dev.evtrace.samples.backtest.SimulatedBroker";
        };
    }

    /** {@code bars} BAR events; after every third, SIGNAL → ORDER → FILL. Ids run 1, 2, 3 … in publish order. */
    public StoreFixture pipeline(String run, long start, int bars) {
        long id = 0;
        for (int bar = 1; bar <= bars; bar++) {
            long barId = ++id;
            add(event(run, start, barId, "BAR", TracedEvent.ABSENT, data("symbol", "SPY", "close", Integer.toString(500 + bar))));
            if (bar % 3 == 0) {
                long signal = ++id;
                add(event(run, start, signal, "SIGNAL", barId, data("symbol", "SPY", "side", "BUY")));
                long order = ++id;
                add(event(run, start, order, "ORDER", signal, data("symbol", "SPY", "qty", "100")));
                add(event(run, start, ++id, "FILL", order, data("symbol", "SPY", "qty", "100", "price", (500 + bar) + ".05")));
            }
        }
        return this;
    }

    public StoreFixture add(TracedEvent event) {
        events.add(event);
        return this;
    }

    /** Writes every event added so far and returns the store directory. */
    public String write() {
        try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions("test", 1_000, Map.of()))) {
            for (TracedEvent e : events) {
                writer.write(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.clear();
        return dir.toString();
    }

    public static Map<String, String> data(String... keysAndValues) {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
