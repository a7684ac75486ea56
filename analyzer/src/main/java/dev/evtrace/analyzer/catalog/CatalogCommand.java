package dev.evtrace.analyzer.catalog;

import dev.evtrace.analyzer.CommonOptions;
import dev.evtrace.analyzer.FormatOption;
import dev.evtrace.analyzer.Store;
import dev.evtrace.analyzer.catalog.Catalog.Outcome;
import dev.evtrace.analyzer.latency.LatencyGroups;
import dev.evtrace.analyzer.latency.LatencyGroups.By;
import dev.evtrace.analyzer.output.JsonWriter;
import dev.evtrace.analyzer.output.Table;
import dev.evtrace.analyzer.output.Table.Column;
import dev.evtrace.store.EventQuery;
import java.io.File;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code analyzer catalog}: one row per run, and its latencies per type, in the seed's SQL schema. */
@Command(name = "catalog",
        description = {
            "Records runs in the seed's SQL catalog, schema backtest_analytics (created if missing).",
            "Tables backtest_runs and event_latencies, as the seed defines them; one row per run, upserted, so "
                    + "cataloging a run again changes nothing unless its data did.",
            "Per run: config_file and strategy_type (from the run's payloads when they carry them), total_return, "
                    + "sharpe_ratio and max_drawdown (fractions, from the PORTFOLIO equity curve), total_trades (FILL "
                    + "events), event_count, event_storage_path, status 'completed' and completed_at (UTC). Per "
                    + "event type: mean, p95 and max latency in ms over the events that were processed, and their count.",
            "Without --db the database is an H2 file in the store directory (catalog.mv.db): no server needed."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  java -jar analyzer.jar catalog --store ./events --all",
            "  java -jar analyzer.jar catalog --run backtest_20251124_160000_1a2b3c4d \\",
            "      --db 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'"})
public final class CatalogCommand implements Runnable {
    private static final List<String> SCHEMES = List.of("jdbc:postgresql:", "jdbc:h2:");

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private FormatOption format;

    @ArgGroup(multiplicity = "1")
    private Runs runs;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "The database: a jdbc:postgresql: or jdbc:h2: URL (default: an H2 file in the store).")
    private String db;

    /** One run or all of them: picocli rejects both or neither. */
    static final class Runs {
        @Option(names = "--run", paramLabel = "RUN", description = "The run (correlation id) to catalog.")
        String run;

        @Option(names = "--all", description = "Catalog every run in the store.")
        boolean all;
    }

    @Override
    public void run() {
        String url = db != null ? db : "jdbc:h2:file:" + new File(common.store(), "catalog").getAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        if (SCHEMES.stream().noneMatch(url::startsWith)) {
            throw new ParameterException(spec.commandLine(), "--db must be a jdbc:postgresql: or jdbc:h2: URL, was '"
                    + shown(url) + "'");
        }
        Store store = common.openStore();
        Collection<String> ids = runs.all ? store.runs() : List.of(runs.run);
        List<CatalogRow> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(row(store, id));
        }
        List<Outcome> outcomes = new ArrayList<>();
        try (Catalog catalog = Catalog.open(url, shown(url))) {
            for (CatalogRow row : rows) {
                outcomes.add(catalog.write(row));
            }
        }
        format.output().print(table(rows, outcomes), json -> json(json, shown(url), rows, outcomes));
    }

    /** One pass over the run, timed from its deliveries, for both the run's row and its latencies. */
    private CatalogRow row(Store store, String run) {
        LatencyGroups latency = new LatencyGroups(By.TYPE);
        RunMetrics metrics = new RunMetrics();
        store.scanRunTimed(run, EventQuery.all(), store.deliveries(run), e -> {
            latency.add(e);
            metrics.add(e);
        });
        PrintWriter err = spec.commandLine().getErr();
        return CatalogRow.of(run, metrics, latency.groups(), storagePath(store.location()), warning -> {
            err.println(spec.qualifiedName() + ": warning: " + warning);
            err.flush();
        });
    }

    /** A local store as an absolute path; a store at a URI (hdfs://…) as given. */
    private static String storagePath(String location) {
        String scheme = URI.create(location.replace('\\', '/').replace(" ", "%20")).getScheme();
        return scheme != null && scheme.length() > 1
                ? location
                : new File(location).getAbsoluteFile().toPath().normalize().toString();
    }

    /** The URL without its parameters, which may hold a password. */
    private static String shown(String url) {
        int end = url.length();
        for (char c : new char[] {'?', ';'}) {
            end = url.indexOf(c) >= 0 ? Math.min(end, url.indexOf(c)) : end;
        }
        return url.substring(0, end);
    }

    private static Table table(List<CatalogRow> rows, List<Outcome> outcomes) {
        Table table = new Table(List.of(Column.text("run"), Column.text("run_id"), Column.text("change"),
                Column.number("events"), Column.number("total_return"), Column.number("sharpe_ratio"),
                Column.number("max_drawdown"), Column.number("total_trades"), Column.number("types")));
        for (int i = 0; i < rows.size(); i++) {
            CatalogRow r = rows.get(i);
            table.row(r.correlationId(), outcomes.get(i).runId(), change(outcomes.get(i)), r.eventCount(),
                    r.totalReturn(), r.sharpeRatio(), r.maxDrawdown(), r.totalTrades(), r.latencies().size());
        }
        return table;
    }

    private static void json(JsonWriter json, String database, List<CatalogRow> rows, List<Outcome> outcomes) {
        json.beginObject().field("database", database).name("runs").beginArray();
        for (int i = 0; i < rows.size(); i++) {
            CatalogRow r = rows.get(i);
            json.beginObject()
                    .field("correlation_id", r.correlationId())
                    .field("run_id", outcomes.get(i).runId().toString())
                    .field("change", change(outcomes.get(i)))
                    .field("config_file", r.configFile())
                    .field("strategy_type", r.strategyType())
                    .field("total_return", r.totalReturn())
                    .field("sharpe_ratio", r.sharpeRatio())
                    .field("max_drawdown", r.maxDrawdown())
                    .field("total_trades", r.totalTrades())
                    .field("event_count", r.eventCount())
                    .field("event_storage_path", r.eventStoragePath())
                    .field("status", r.status())
                    .field("completed_at", r.completedAt().toString())
                    .name("latencies").beginArray();
            for (CatalogRow.Latency l : r.latencies()) {
                json.beginObject()
                        .field("event_type", l.eventType())
                        .field("mean_latency_ms", l.mean())
                        .field("p95_latency_ms", l.p95())
                        .field("max_latency_ms", l.max())
                        .field("event_count", l.eventCount())
                        .endObject();
            }
            json.endArray().endObject();
        }
        json.endArray().endObject();
    }

    private static String change(Outcome outcome) {
        return outcome.change().name().toLowerCase(Locale.ROOT);
    }
}
