package dev.evtrace.analyzer.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The seed's analytics schema (phase 1 plan, section 1.7) and the statements that fill it, per database.
 * The DDL is the seed's, word for word, with IF NOT EXISTS added so that creating it is safe on every run.
 * H2 differs in one column: it has no gen_random_uuid() but RANDOM_UUID(), the same version 4 random UUID, and
 * it takes a column's DEFAULT only before its PRIMARY KEY.
 */
enum CatalogSchema {
    POSTGRESQL("PostgreSQL"),
    H2("H2");

    static final String SCHEMA = "backtest_analytics";
    static final String RUNS = SCHEMA + ".backtest_runs";
    static final String LATENCIES = SCHEMA + ".event_latencies";

    private static final String DDL = """
            CREATE SCHEMA IF NOT EXISTS backtest_analytics;

            CREATE TABLE IF NOT EXISTS backtest_analytics.backtest_runs (
                run_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
                correlation_id VARCHAR(100) UNIQUE NOT NULL,
                created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                config_file VARCHAR(255),
                strategy_type VARCHAR(50),
                total_return DECIMAL(10,3),
                sharpe_ratio DECIMAL(5,3),
                max_drawdown DECIMAL(5,3),
                total_trades INTEGER,
                event_count INTEGER,
                event_storage_path VARCHAR(500),
                status VARCHAR(20) DEFAULT 'running',
                completed_at TIMESTAMP
            );

            CREATE TABLE IF NOT EXISTS backtest_analytics.event_latencies (
                run_id UUID REFERENCES backtest_analytics.backtest_runs(run_id),
                event_type VARCHAR(50),
                mean_latency_ms DECIMAL(8,2),
                p95_latency_ms DECIMAL(8,2),
                max_latency_ms DECIMAL(8,2),
                event_count INTEGER,
                measured_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                PRIMARY KEY (run_id, event_type)
            );

            CREATE INDEX IF NOT EXISTS idx_correlation_lookup ON backtest_analytics.backtest_runs(correlation_id);
            CREATE INDEX IF NOT EXISTS idx_run_status ON backtest_analytics.backtest_runs(status, created_at);
            """;

    /** A column the catalog writes, with its type as the DDL declares it. */
    record Column(String name, String type) {}

    /** backtest_runs as written, in statement parameter order; correlation_id is the key. */
    static final List<Column> RUN_COLUMNS = List.of(
            new Column("correlation_id", "VARCHAR(100)"), new Column("config_file", "VARCHAR(255)"),
            new Column("strategy_type", "VARCHAR(50)"), new Column("total_return", "DECIMAL(10,3)"),
            new Column("sharpe_ratio", "DECIMAL(5,3)"), new Column("max_drawdown", "DECIMAL(5,3)"),
            new Column("total_trades", "INTEGER"), new Column("event_count", "INTEGER"),
            new Column("event_storage_path", "VARCHAR(500)"), new Column("status", "VARCHAR(20)"),
            new Column("completed_at", "TIMESTAMP"));

    /** event_latencies as written; run_id and event_type are the key. */
    static final List<Column> LATENCY_COLUMNS = List.of(
            new Column("run_id", "UUID"), new Column("event_type", "VARCHAR(50)"),
            new Column("mean_latency_ms", "DECIMAL(8,2)"), new Column("p95_latency_ms", "DECIMAL(8,2)"),
            new Column("max_latency_ms", "DECIMAL(8,2)"), new Column("event_count", "INTEGER"));

    private final String productName;

    CatalogSchema(String productName) {
        this.productName = productName;
    }

    /** The dialect of a database, by the product name its JDBC driver reports; null for any other database. */
    static CatalogSchema of(String databaseProductName) {
        return Arrays.stream(values()).filter(s -> s.productName.equals(databaseProductName)).findFirst().orElse(null);
    }

    List<String> ddl() {
        String ddl = this == H2 ? DDL.replace("run_id UUID PRIMARY KEY DEFAULT gen_random_uuid()",
                "run_id UUID DEFAULT RANDOM_UUID() PRIMARY KEY") : DDL;
        return Arrays.stream(ddl.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Inserts a row, or updates the row with the same key where a written column differs, else leaves it
     * untouched: re-cataloging a run changes nothing, not even measured_at. One parameter per column, in order.
     */
    String upsert(String table, List<Column> columns, int keyColumns, String touch) {
        List<Column> values = columns.subList(keyColumns, columns.size());
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        if (this == POSTGRESQL) {
            return "INSERT INTO " + table + " AS t (" + names + ") VALUES ("
                    + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")"
                    + " ON CONFLICT (" + join(columns.subList(0, keyColumns), "%s", ", ") + ") DO UPDATE SET "
                    + join(values, "%1$s = EXCLUDED.%1$s", ", ") + touch
                    + " WHERE " + join(values, "t.%1$s IS DISTINCT FROM EXCLUDED.%1$s", " OR ");
        }
        // H2 has no ON CONFLICT … DO UPDATE; the standard MERGE says the same. CASTs type the parameters.
        return "MERGE INTO " + table + " t USING (VALUES ("
                + columns.stream().map(c -> "CAST(? AS " + c.type() + ")").collect(Collectors.joining(", "))
                + ")) s(" + names + ") ON " + join(columns.subList(0, keyColumns), "t.%1$s = s.%1$s", " AND ")
                + " WHEN MATCHED AND (" + join(values, "t.%1$s IS DISTINCT FROM s.%1$s", " OR ") + ")"
                + " THEN UPDATE SET " + join(values, "%1$s = s.%1$s", ", ") + touch
                + " WHEN NOT MATCHED THEN INSERT (" + names + ") VALUES ("
                + join(columns, "s.%s", ", ") + ")";
    }

    private static String join(List<Column> columns, String format, String separator) {
        return columns.stream().map(c -> String.format(format, c.name())).collect(Collectors.joining(separator));
    }
}
