package dev.evtrace.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The event stream of a small backtest, as the agent would record it: a BAR a minute, and on every fifth bar
 * a SIGNAL caused by it, an ORDER caused by the signal and a FILL caused by the order. Bars are roots (no
 * causation); fills are published by the broker stub but never received by a handler (no received or
 * processed time). Payloads are typed as the agent makes them: symbols and sides text, prices doubles in cents,
 * quantities longs.
 */
final class TradingRun {
    static final int CHAIN_EVERY = 5;

    private TradingRun() {}

    /** {@code bars} bars and their chains; event ids and sequence numbers count 1, 2, 3 … in publish order. */
    static List<TracedEvent> events(String run, long startMicros, int bars) {
        List<TracedEvent> events = new ArrayList<>();
        for (int bar = 0; bar < bars; bar++) {
            long market = startMicros + bar * 60_000_000L;
            String symbol = bar % 2 == 0 ? "AAPL" : "MSFT";
            double close = 100 + bar % 7 + 0.25;
            long barId = add(events, run, "BAR", market, TracedEvent.ABSENT, "com.acme.DataFeed",
                    Payload.builder(3).text("symbol", symbol).doubleValue("close", close)
                            .longValue("volume", 1_000L * bar).build(), true);
            if (bar % CHAIN_EVERY == CHAIN_EVERY - 1) {
                long signal = add(events, run, "SIGNAL", market, barId, "com.acme.MaCrossStrategy",
                        Payload.builder(2).text("symbol", symbol).text("side", "BUY").build(), true);
                long order = add(events, run, "ORDER", market, signal, "com.acme.RiskManager",
                        Payload.builder(3).text("symbol", symbol).text("side", "BUY").longValue("qty", 10).build(),
                        true);
                add(events, run, "FILL", market, order, "com.acme.SimulatedBroker",
                        Payload.builder(3).text("symbol", symbol).doubleValue("price", close).longValue("qty", 10)
                                .build(), false);
            }
        }
        return events;
    }

    private static long add(List<TracedEvent> events, String run, String type, long market, long cause,
            String source, Map<String, String> data, boolean handled) {
        long id = events.size() + 1;
        long created = market + id * 10;
        events.add(new TracedEvent(id, type, market, run, cause, source, created, created + 1,
                handled ? created + 3 : TracedEvent.ABSENT, handled ? created + 8 : TracedEvent.ABSENT,
                data, TracedEvent.CURRENT_VERSION, id, data.get("symbol")));
        return id;
    }
}
