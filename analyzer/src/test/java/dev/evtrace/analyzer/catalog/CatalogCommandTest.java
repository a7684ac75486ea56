package dev.evtrace.analyzer.catalog;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static dev.evtrace.analyzer.StoreFixture.data;
import static dev.evtrace.analyzer.StoreFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evtrace.analyzer.Cli;
import dev.evtrace.analyzer.Cli.Result;
import dev.evtrace.analyzer.StoreFixture;
import dev.evtrace.store.TracedEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** catalog against a temporary H2 file and the real PostgreSQL, each test on both. */
class CatalogCommandTest {
    /** Equity after each day's fill; the initial equity is 100,000. */
    private static final double[] EQUITIES = {101_000, 99_990, 102_000, 103_020};

    @TempDir
    Path dir;

    private String store() {
        return new StoreFixture(dir.resolve("events"))
                .trading("run-a", T0, EQUITIES)
                .add(event("run-a", T0, 21, "RUN_INFO", TracedEvent.ABSENT,
                        data("config_file", "configs/ma.yaml", "strategyType", "ma_crossover")))
                .trading("run-b", T0, 100_500)
                .write();
    }

    private static Result catalog(String store, String url, String... more) {
        List<String> args = new ArrayList<>(List.of("catalog", "--store", store, "--db", url));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(CatalogDatabase.class)
    void storesEachRunWithItsMetricsAndLatencies(CatalogDatabase db) throws Exception {
        String url = db.prepare(dir);
        String store = store();
        Result result = catalog(store, url, "--all");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().skip(1)).extracting(line -> line.split(" +")[0] + " " + line.split(" +")[2])
                .containsExactly("run-a inserted", "run-b inserted");

        Map<String, Object> a = rows(url, "SELECT * FROM backtest_analytics.backtest_runs WHERE correlation_id = ?",
                "run-a").get(0);
        assertThat(a.get("config_file")).isEqualTo("configs/ma.yaml");
        assertThat(a.get("strategy_type")).isEqualTo("ma_crossover");
        assertThat((BigDecimal) a.get("total_return")).isEqualByComparingTo("0.030");
        assertThat((BigDecimal) a.get("max_drawdown")).isEqualByComparingTo("0.010");
        assertThat((BigDecimal) a.get("sharpe_ratio")).isEqualByComparingTo(expectedSharpe());
        assertThat(a.get("total_trades")).isEqualTo(4);
        assertThat(a.get("event_count")).isEqualTo(21);
        assertThat(a.get("event_storage_path")).isEqualTo(Path.of(store).toAbsolutePath().normalize().toString());
        assertThat(a.get("status")).isEqualTo("completed");
        // The last thing run-a did: RUN_INFO (event 21, created at 21 ms) processed 2 ms later.
        assertThat(a.get("completed_at")).isEqualTo(LocalDateTime.of(2025, 11, 24, 16, 0, 0, 23_000_000));
        assertThat(a.get("created_at")).isNotNull();

        Map<String, Object> b = rows(url, "SELECT * FROM backtest_analytics.backtest_runs WHERE correlation_id = ?",
                "run-b").get(0);
        assertThat(b.get("config_file")).isNull();
        assertThat(b.get("strategy_type")).isNull();
        assertThat((BigDecimal) b.get("total_return")).isEqualByComparingTo("0.005");
        assertThat(b.get("sharpe_ratio")).as("one return has no deviation").isNull();

        List<Map<String, Object>> latencies = rows(url, "SELECT l.* FROM backtest_analytics.event_latencies l "
                + "JOIN backtest_analytics.backtest_runs r ON r.run_id = l.run_id WHERE r.correlation_id = ? "
                + "ORDER BY l.event_type", "run-a");
        assertThat(latencies).extracting(l -> l.get("event_type"))
                .containsExactly("BAR", "FILL", "ORDER", "PORTFOLIO", "RUN_INFO", "SIGNAL");
        Map<String, Object> bar = latencies.get(0);
        assertThat((BigDecimal) bar.get("mean_latency_ms")).isEqualByComparingTo("2.00");
        assertThat((BigDecimal) bar.get("p95_latency_ms")).isEqualByComparingTo("2.00");
        assertThat((BigDecimal) bar.get("max_latency_ms")).isEqualByComparingTo("2.00");
        assertThat(bar.get("event_count")).isEqualTo(4);
        assertThat(bar.get("run_id")).isEqualTo(a.get("run_id"));
    }

    /** The documented formula on the fixture's four daily returns: mean / sample deviation × √252. */
    private static BigDecimal expectedSharpe() {
        double[] closes = {100_000, EQUITIES[0], EQUITIES[1], EQUITIES[2], EQUITIES[3]};
        double[] returns = new double[closes.length - 1];
        double mean = 0;
        for (int i = 0; i < returns.length; i++) {
            returns[i] = closes[i + 1] / closes[i] - 1;
            mean += returns[i] / returns.length;
        }
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double sharpe = mean / Math.sqrt(squares / (returns.length - 1)) * Math.sqrt(252);
        return BigDecimal.valueOf(sharpe).setScale(3, RoundingMode.HALF_UP);
    }

    @ParameterizedTest
    @EnumSource(CatalogDatabase.class)
    void recatalogingChangesNothing(CatalogDatabase db) throws Exception {
        String url = db.prepare(dir);
        String store = store();
        assertThat(catalog(store, url, "--all").exitCode()).isZero();
        List<Map<String, Object>> runs = rows(url, "SELECT * FROM backtest_analytics.backtest_runs ORDER BY correlation_id");
        List<Map<String, Object>> latencies = rows(url,
                "SELECT * FROM backtest_analytics.event_latencies ORDER BY run_id, event_type");
        Thread.sleep(20);

        Result again = catalog(store, url, "--all");
        assertThat(again.out().lines().skip(1)).extracting(line -> line.split(" +")[2])
                .containsExactly("unchanged", "unchanged");
        assertThat(rows(url, "SELECT * FROM backtest_analytics.backtest_runs ORDER BY correlation_id")).isEqualTo(runs);
        assertThat(rows(url, "SELECT * FROM backtest_analytics.event_latencies ORDER BY run_id, event_type"))
                .isEqualTo(latencies);
    }

    @ParameterizedTest
    @EnumSource(CatalogDatabase.class)
    void updatesARunWhoseDataChangedKeepingItsId(CatalogDatabase db) throws Exception {
        String url = db.prepare(dir);
        String first = new StoreFixture(dir.resolve("first")).trading("run-a", T0, 101_000).write();
        String second = new StoreFixture(dir.resolve("second")).trading("run-a", T0, 101_000, 102_000).write();
        catalog(first, url, "--run", "run-a");
        Object runId = rows(url, "SELECT run_id FROM backtest_analytics.backtest_runs").get(0).get("run_id");

        Result result = catalog(second, url, "--run", "run-a", "--format", "json");
        // Two daily returns of about 1% that hardly differ: a Sharpe ratio in the thousands, stored as unknown.
        assertThat(result.err()).startsWith("analyzer catalog: warning: run run-a: sharpe_ratio ")
                .endsWith(" does not fit DECIMAL(5,3); stored as null" + System.lineSeparator());
        JsonNode run = new ObjectMapper().readTree(result.out()).get("runs").get(0);
        assertThat(run.get("sharpe_ratio").isNull()).isTrue();
        assertThat(run.get("change").asText()).isEqualTo("updated");
        assertThat(run.get("run_id").asText()).isEqualTo(runId.toString());
        assertThat(run.get("event_count").asInt()).isEqualTo(10);
        assertThat(run.get("event_storage_path").asText()).endsWith("second");
        assertThat(rows(url, "SELECT event_count FROM backtest_analytics.backtest_runs")).extracting(r -> r.get("event_count"))
                .containsExactly(10);
        assertThat(rows(url, "SELECT event_count FROM backtest_analytics.event_latencies WHERE event_type = 'FILL'"))
                .extracting(r -> r.get("event_count")).containsExactly(2);
    }

    @ParameterizedTest
    @EnumSource(CatalogDatabase.class)
    void storesQuotesAndSemicolonsAsData(CatalogDatabase db) throws Exception {
        String url = db.prepare(dir);
        String run = "it's\"; DROP TABLE backtest_analytics.backtest_runs; --";
        String type = "O'B\"; DELETE FROM event_latencies; --";
        String store = new StoreFixture(dir.resolve("events"))
                .add(event(run, T0, 1, type, TracedEvent.ABSENT, data("note", "'; --")))
                .add(event(run, T0, 2, "BAR", TracedEvent.ABSENT, data()))
                .write();
        Result result = catalog(store, url, "--run", run);
        assertThat(result.exitCode()).as(result.err()).isZero();
        catalog(store, url, "--all");

        assertThat(rows(url, "SELECT correlation_id FROM backtest_analytics.backtest_runs"))
                .extracting(r -> r.get("correlation_id")).containsExactly(run);
        assertThat(rows(url, "SELECT event_type FROM backtest_analytics.event_latencies ORDER BY event_type"))
                .extracting(r -> r.get("event_type")).containsExactly("BAR", type);
    }

    @ParameterizedTest
    @EnumSource(CatalogDatabase.class)
    void createsTheSeedSchemaWithItsKeysAndBothIndexes(CatalogDatabase db) throws Exception {
        String url = db.prepare(dir);
        assertThat(catalog(store(), url, "--run", "run-b").exitCode()).isZero();
        try (Connection c = CatalogDatabase.open(url)) {
            SchemaShape shape = SchemaShape.of(c);
            assertThat(shape.columns("backtest_runs")).containsExactly(
                    "run_id UUID NOT NULL", "correlation_id VARCHAR(100) NOT NULL", "created_at TIMESTAMP",
                    "config_file VARCHAR(255)", "strategy_type VARCHAR(50)", "total_return DECIMAL(10,3)",
                    "sharpe_ratio DECIMAL(5,3)", "max_drawdown DECIMAL(5,3)", "total_trades INTEGER",
                    "event_count INTEGER", "event_storage_path VARCHAR(500)", "status VARCHAR(20)",
                    "completed_at TIMESTAMP");
            assertThat(shape.columns("event_latencies")).containsExactly(
                    "run_id UUID NOT NULL", "event_type VARCHAR(50) NOT NULL", "mean_latency_ms DECIMAL(8,2)",
                    "p95_latency_ms DECIMAL(8,2)", "max_latency_ms DECIMAL(8,2)", "event_count INTEGER",
                    "measured_at TIMESTAMP");
            assertThat(shape.primaryKey("backtest_runs")).containsExactly("run_id");
            assertThat(shape.primaryKey("event_latencies")).containsExactly("run_id", "event_type");
            assertThat(shape.foreignKeys("event_latencies")).containsExactly("run_id -> backtest_runs.run_id");
            assertThat(shape.uniqueIndexColumns("backtest_runs")).contains(List.of("correlation_id"));
            assertThat(shape.index("backtest_runs", "idx_correlation_lookup")).containsExactly("correlation_id");
            assertThat(shape.index("backtest_runs", "idx_run_status")).containsExactly("status", "created_at");
            assertThat(shape.defaultOf("backtest_runs", "run_id")).containsIgnoringCase(
                    db == CatalogDatabase.H2 ? "RANDOM_UUID()" : "gen_random_uuid()");
            assertThat(shape.defaultOf("backtest_runs", "status")).contains("'running'");
            assertThat(shape.defaultOf("event_latencies", "measured_at")).containsIgnoringCase("CURRENT_TIMESTAMP");
        }
    }

    @Test
    void defaultsToAnH2FileInTheStore() throws Exception {
        String store = store();
        Result result = Cli.run("catalog", "--store", store, "--run", "run-a");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Path.of(store, "catalog.mv.db")).exists();
        String url = "jdbc:h2:file:" + Path.of(store, "catalog").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        assertThat(rows(url, "SELECT correlation_id FROM backtest_analytics.backtest_runs"))
                .extracting(r -> r.get("correlation_id")).containsExactly("run-a");
        assertThat(Cli.run("runs", "--store", store).exitCode()).as("the catalog file does not disturb the store").isZero();
    }

    @Test
    void errorsAreOneLine() throws Exception {
        String store = store();
        Result scheme = Cli.run("catalog", "--store", store, "--all", "--db", "jdbc:mysql://localhost/x?password=secret");
        assertThat(scheme.exitCode()).isEqualTo(2);
        assertThat(scheme.err().lines().findFirst()).hasValue(
                "analyzer catalog: --db must be a jdbc:postgresql: or jdbc:h2: URL, was 'jdbc:mysql://localhost/x'");

        Result down = Cli.run("catalog", "--store", store, "--all", "--db", "jdbc:postgresql://127.0.0.1:1/test?user=postgres");
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.err()).startsWith("analyzer catalog: cannot connect to jdbc:postgresql://127.0.0.1:1/test: ");
        assertThat(down.err().lines()).hasSize(1);
        Result debug = Cli.run("catalog", "--store", store, "--all", "--db", "jdbc:postgresql://127.0.0.1:1/test", "--debug");
        assertThat(debug.err()).startsWith("analyzer catalog: cannot connect to ")
                .contains("DataException", "PSQLException", "\tat ");

        assertThat(Cli.run("catalog", "--store", store).exitCode()).isEqualTo(2);
        assertThat(Cli.run("catalog", "--store", store, "--run", "run-a", "--all").exitCode()).isEqualTo(2);

        String url = CatalogDatabase.H2.prepare(dir);
        Result unknown = Cli.run("catalog", "--store", store, "--run", "run-x", "--db", url);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("analyzer catalog: no run run-x in store " + store + System.lineSeparator());

        String longType = "T".repeat(51);
        String tooLong = new StoreFixture(dir.resolve("long")).add(event("run-a", T0, 1, longType, 0, data())).write();
        Result overflow = Cli.run("catalog", "--store", tooLong, "--all", "--db", url);
        assertThat(overflow.exitCode()).isEqualTo(1);
        assertThat(overflow.err()).isEqualTo("analyzer catalog: event_type is 51 characters long; the catalog holds at "
                + "most 50: TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT..." + System.lineSeparator());
    }

    static List<Map<String, Object>> rows(String url, String sql, Object... parameters) throws SQLException {
        try (Connection c = CatalogDatabase.open(url); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.put(meta.getColumnLabel(i).toLowerCase(), value instanceof java.sql.Timestamp t
                                ? t.toLocalDateTime() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
