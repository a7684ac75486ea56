package dev.evtrace.analyzer.catalog;

import dev.evtrace.store.TracedEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run achieved, computed from its own events, fed to {@link #add} in any order.
 *
 * <ul>
 *   <li>Equity curve: the {@code equity} of each PORTFOLIO event in sequence order, after the initial equity.
 *       The first PORTFOLIO follows the first fill, when nothing was held before, so the initial equity is the
 *       cash before that fill: {@code cash + side × quantity × price + commission} with that FILL's payload
 *       (side +1 for BUY, -1 for SELL; the FILL is found by {@code fillId}). Without that FILL it is the first
 *       PORTFOLIO's equity.</li>
 *   <li>total_return = last equity / initial equity - 1, a fraction (0.125 is +12.5%).</li>
 *   <li>max_drawdown = the largest (running peak - equity) / running peak along the curve, a positive fraction.</li>
 *   <li>sharpe_ratio = mean / sample standard deviation (n - 1) of daily returns × √252, risk-free rate zero.
 *       A day's equity is the last of the curve on that UTC day of market time (the payload's {@code timestamp},
 *       epoch milliseconds; else the event's own timestamp); a return compares two consecutive days that have
 *       one, the initial equity standing before the first. Undefined with fewer than two returns or no
 *       variation.</li>
 *   <li>total_trades = the number of FILL events.</li>
 * </ul>
 * A PORTFOLIO event without a numeric {@code equity} is skipped; with none left, the equity metrics are unknown.
 * {@code config_file} and {@code strategy_type} are the values of those payload keys (or {@code configFile},
 * {@code strategyType}) on the first event that carries them, when any does.
 */
public final class RunMetrics {
    static final String PORTFOLIO = "PORTFOLIO";
    static final String FILL = "FILL";
    private static final int TRADING_DAYS = 252;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final List<TracedEvent> portfolios = new ArrayList<>();
    /** By fillId: what the fill took from cash, side × quantity × price + commission. */
    private final Map<String, Double> cashOut = new HashMap<>();
    private final Map<String, TracedEvent> firstWithKey = new HashMap<>();
    private long trades;
    private long events;
    private long start = Long.MAX_VALUE;
    private long end = Long.MIN_VALUE;

    /** Unknown metrics are null. */
    public record Performance(Double totalReturn, Double sharpeRatio, Double maxDrawdown, long totalTrades) {}

    public void add(TracedEvent e) {
        events++;
        start = Math.min(start, e.createdAt());
        // The run ends with the last thing it did: the latest processing, or a later event nobody processed.
        end = Math.max(end, Math.max(e.createdAt(), e.processedAt()));
        for (String key : List.of("config_file", "configFile", "strategy_type", "strategyType")) {
            if (e.data().get(key) != null) {
                firstWithKey.merge(key, e, (a, b) -> a.sequenceNumber() <= b.sequenceNumber() ? a : b);
            }
        }
        if (e.eventType().equals(PORTFOLIO) && number(e, "equity") != null) {
            portfolios.add(e);
        } else if (e.eventType().equals(FILL)) {
            trades++;
            Double quantity = number(e, "quantity");
            Double price = number(e, "price");
            Double commission = number(e, "commission");
            if (e.data().get("fillId") != null && quantity != null && price != null && commission != null) {
                double side = "SELL".equals(e.data().get("side")) ? -1 : 1;
                cashOut.put(e.data().get("fillId"), side * quantity * price + commission);
            }
        }
    }

    public long events() {
        return events;
    }

    /** The first event's creation, epoch microseconds. */
    public long start() {
        return start;
    }

    /** The latest creation or processing of any event, epoch microseconds. */
    public long end() {
        return end;
    }

    public String configFile() {
        return value("config_file", "configFile");
    }

    public String strategyType() {
        return value("strategy_type", "strategyType");
    }

    public Performance performance() {
        portfolios.sort(Comparator.comparingLong(TracedEvent::sequenceNumber));
        if (portfolios.isEmpty()) {
            return new Performance(null, null, null, trades);
        }
        TracedEvent first = portfolios.get(0);
        Double before = cashOut.get(first.data().get("fillId"));
        Double cash = number(first, "cash");
        double initial = before != null && cash != null ? cash + before : number(first, "equity");
        if (initial <= 0) {
            // Returns relative to nothing, or to a debt, mean nothing.
            return new Performance(null, null, null, trades);
        }
        double last = number(portfolios.get(portfolios.size() - 1), "equity");
        double peak = initial;
        double drawdown = 0;
        List<Double> dayCloses = new ArrayList<>(List.of(initial));
        long day = Long.MIN_VALUE;
        for (TracedEvent p : portfolios) {
            double equity = number(p, "equity");
            peak = Math.max(peak, equity);
            drawdown = Math.max(drawdown, (peak - equity) / peak);
            long pDay = marketDay(p);
            if (pDay != day) {
                dayCloses.add(equity);
                day = pDay;
            } else {
                dayCloses.set(dayCloses.size() - 1, equity);
            }
        }
        return new Performance(last / initial - 1, sharpe(dayCloses), drawdown, trades);
    }

    private static Double sharpe(List<Double> closes) {
        int n = closes.size() - 1;
        if (n < 2) {
            return null;
        }
        double[] returns = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (closes.get(i) <= 0) {
                return null;
            }
            returns[i] = closes.get(i + 1) / closes.get(i) - 1;
            sum += returns[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double deviation = Math.sqrt(squares / (n - 1));
        return deviation == 0 ? null : mean / deviation * Math.sqrt(TRADING_DAYS);
    }

    private static long marketDay(TracedEvent e) {
        Double millis = number(e, "timestamp");
        return millis != null
                ? Math.floorDiv(millis.longValue(), MILLIS_PER_DAY)
                : Math.floorDiv(e.timestamp(), MICROS_PER_DAY);
    }

    /** The value of whichever key the earliest event carries. */
    private String value(String... keys) {
        TracedEvent earliest = null;
        String found = null;
        for (String key : keys) {
            TracedEvent e = firstWithKey.get(key);
            if (e != null && (earliest == null || e.sequenceNumber() < earliest.sequenceNumber())) {
                earliest = e;
                found = key;
            }
        }
        return earliest == null ? null : earliest.data().get(found);
    }

    /** The payload value as a number, or null when it is absent or not a finite number. */
    private static Double number(TracedEvent e, String key) {
        String value = e.data().get(key);
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
