package dev.evtrace.analyzer;

import dev.evtrace.store.Delivery;
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
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<String, String> counters = new LinkedHashMap<>();

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

    public StoreFixture add(Delivery delivery) {
        deliveries.add(delivery);
        return this;
    }

    /**
     * A backtest in miniature with a result to compute: a BAR a day, and on each day listed in
     * {@code equities}' order a SIGNAL, ORDER, FILL (BUY 10 at 100, commission 1) and the PORTFOLIO after it
     * with that day's equity. The first fill takes 1,001 from 100,000 cash, so the initial equity is 100,000.
     * Every event but the FILLs is handled by one handler (a delivery 1 ms after creation, lasting 1 ms).
     */
    public StoreFixture trading(String run, long start, double... equities) {
        long id = 0;
        for (int day = 0; day < equities.length; day++) {
            long marketMillis = (start / 1_000) + day * 86_400_000L;
            String ts = Long.toString(marketMillis);
            long bar = ++id;
            handled(event(run, start, bar, "BAR", TracedEvent.ABSENT, data("symbol", "SPY", "close", "100", "timestamp", ts)));
            long signal = ++id;
            handled(event(run, start, signal, "SIGNAL", bar, data("symbol", "SPY", "side", "BUY", "timestamp", ts)));
            long order = ++id;
            handled(event(run, start, order, "ORDER", signal, data("symbol", "SPY", "quantity", "10", "timestamp", ts)));
            long fill = ++id;
            add(event(run, start, fill, "FILL", order, data("fillId", Integer.toString(day + 1), "side", "BUY",
                    "quantity", "10", "price", "100", "commission", "1", "timestamp", ts)));
            double cash = 100_000 - 1_001.0 * (day + 1);
            handled(event(run, start, ++id, "PORTFOLIO", fill, data("fillId", Integer.toString(day + 1),
                    "cash", Double.toString(cash), "equity", Double.toString(equities[day]), "timestamp", ts)));
        }
        return this;
    }

    private void handled(TracedEvent e) {
        add(e);
        add(new Delivery(e.correlationId(), e.eventId(), e.eventType(), "com.acme.Handler" + e.eventType(), "main",
                e.createdAt() + 1_000, e.createdAt() + 2_000, false));
    }

    /** Counters for the writer to write beside the data, as the agent does at exit. */
    public StoreFixture counters(Map<String, String> values) {
        counters.putAll(values);
        return this;
    }

    /** Writes every event added so far (and the counters, if any) and returns the store directory. */
    public String write() {
        try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions("test", 1_000, Map.of()))) {
            for (TracedEvent e : events) {
                writer.write(e);
            }
            for (Delivery d : deliveries) {
                writer.write(d);
            }
            if (!counters.isEmpty()) {
                writer.writeMetadata(counters);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.clear();
        deliveries.clear();
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
