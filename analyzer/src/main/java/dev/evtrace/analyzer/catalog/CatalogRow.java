package dev.evtrace.analyzer.catalog;

import dev.evtrace.analyzer.DataException;
import dev.evtrace.analyzer.catalog.RunMetrics.Performance;
import dev.evtrace.analyzer.latency.LatencyGroups.Group;
import dev.evtrace.analyzer.latency.LatencyStats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One run as the catalog stores it. Built by {@link #of}, which rounds every value to its column's scale and
 * checks it against its column's size before any driver sees it. A key that does not fit (a run id over 100
 * characters, an event type over 50) cannot be stored and fails the command; any other value that does not fit
 * (the Sharpe ratio of a two-day run in the thousands, a latency over 16 minutes) is stored as null, unknown,
 * with a warning that names the column, so one odd run does not keep the others out of the catalog.
 */
record CatalogRow(String correlationId, String configFile, String strategyType, BigDecimal totalReturn,
                  BigDecimal sharpeRatio, BigDecimal maxDrawdown, Integer totalTrades, Integer eventCount,
                  String eventStoragePath, String status, LocalDateTime completedAt, List<Latency> latencies) {
    static final String COMPLETED = "completed";

    /** One row of event_latencies, but for run_id, which the database gives the run. */
    record Latency(String eventType, BigDecimal mean, BigDecimal p95, BigDecimal max, Integer eventCount) {
        /** In {@link CatalogSchema#LATENCY_COLUMNS} order. */
        List<Object> values(UUID runId) {
            return Arrays.asList(runId, eventType, mean, p95, max, eventCount);
        }
    }

    /** @param warnings told of each value stored as null because it does not fit its column */
    static CatalogRow of(String run, RunMetrics metrics, List<Group> latencyByType, String storagePath,
                         Consumer<String> warnings) {
        Fit fit = new Fit(run, warnings);
        Performance p = metrics.performance();
        List<Latency> latencies = new ArrayList<>();
        for (Group g : latencyByType) {
            LatencyStats s = g.latency();
            // As the seed's analyze_latency: a type none of whose events was processed has no latency row.
            if (s.count() > 0) {
                latencies.add(new Latency(key("event_type", g.key(), 50),
                        fit.decimal(g.key() + " mean_latency_ms", s.meanMillis(), 8, 2),
                        fit.decimal(g.key() + " p95_latency_ms", s.percentileMillis(95), 8, 2),
                        fit.decimal(g.key() + " max_latency_ms", s.maxMillis(), 8, 2),
                        fit.integer(g.key() + " event_count", s.count())));
            }
        }
        return new CatalogRow(key("correlation_id", run, 100),
                fit.text("config_file", metrics.configFile(), 255),
                fit.text("strategy_type", metrics.strategyType(), 50),
                fit.decimal("total_return", p.totalReturn(), 10, 3),
                fit.decimal("sharpe_ratio", p.sharpeRatio(), 5, 3),
                fit.decimal("max_drawdown", p.maxDrawdown(), 5, 3),
                fit.integer("total_trades", p.totalTrades()),
                fit.integer("event_count", metrics.events()),
                fit.text("event_storage_path", storagePath, 500),
                COMPLETED,
                LocalDateTime.ofEpochSecond(Math.floorDiv(metrics.end(), 1_000_000L),
                        (int) Math.floorMod(metrics.end(), 1_000_000L) * 1_000, ZoneOffset.UTC),
                List.copyOf(latencies));
    }

    /** In {@link CatalogSchema#RUN_COLUMNS} order. */
    List<Object> values() {
        return Arrays.asList(correlationId, configFile, strategyType, totalReturn, sharpeRatio, maxDrawdown,
                totalTrades, eventCount, eventStoragePath, status, completedAt);
    }

    private static String key(String column, String value, int max) {
        if (value.length() > max) {
            throw new DataException(column + " is " + value.length() + " characters long; the catalog holds at most "
                    + max + ": " + abbreviate(value));
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    /** Fits values to their columns, or makes them null with a warning. */
    private record Fit(String run, Consumer<String> warnings) {
        String text(String column, String value, int max) {
            if (value != null && value.length() > max) {
                return unfit(column, abbreviate(value) + " (" + value.length() + " characters)", "VARCHAR(" + max + ")");
            }
            return value;
        }

        BigDecimal decimal(String column, Double value, int precision, int scale) {
            return value == null ? null : decimal(column, BigDecimal.valueOf(value), precision, scale);
        }

        /** DECIMAL(precision, scale), rounded half up. */
        BigDecimal decimal(String column, BigDecimal value, int precision, int scale) {
            if (value == null) {
                return null;
            }
            BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
            return rounded.precision() - rounded.scale() > precision - scale
                    ? unfit(column, rounded.toPlainString(), "DECIMAL(" + precision + "," + scale + ")")
                    : rounded;
        }

        Integer integer(String column, long value) {
            return value > Integer.MAX_VALUE ? unfit(column, Long.toString(value), "INTEGER") : (Integer) (int) value;
        }

        private <T> T unfit(String column, String value, String type) {
            warnings.accept("run " + run + ": " + column + " " + value + " does not fit " + type + "; stored as null");
            return null;
        }
    }
}
