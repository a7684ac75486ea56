package dev.evtrace.analyzer.events;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evtrace.analyzer.Cli;
import dev.evtrace.analyzer.Cli.Result;
import dev.evtrace.analyzer.StoreFixture;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.analyzer.output.Table;
import dev.evtrace.analyzer.output.TableRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsCommandTest {
    @TempDir
    Path dir;

    private String store() {
        return new StoreFixture(dir).pipeline("run-a", T0, 6).pipeline("run-b", T0, 3).write();
    }

    private static List<String> ids(Result result) {
        return result.out().lines().skip(1).map(line -> line.trim().split(" +")[0]).toList();
    }

    @Test
    void printsTheRunsEventsInSequenceOrder() {
        Result result = Cli.run("events", "--store", store(), "--run", "run-a");
        assertThat(result.exitCode()).isZero();
        assertThat(ids(result)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0).split(" +")).containsExactly(
                "ID", "TYPE", "SOURCE", "CAUSE", "CREATED", "RECEIVED_MS", "PROCESSED_MS", "DATA");
        assertThat(lines.get(1).trim().split(" +")).containsExactly(
                "1", "BAR", "dev.evtrace.samples.backtest.CsvDataFeed", "-", "2025-11-24T16:00:00.001000Z",
                "1.000", "2.000", "symbol=SPY", "close=501");
        assertThat(lines.get(5)).contains(" ORDER ", " 4 ", "symbol=SPY qty=100");
    }

    /**
     * A run over many files (the fixture's files roll every 1,000 rows) prints in sequence order, and the table,
     * printed as the rows are read, is the table of the same rows held and rendered at once: its widths come from
     * every row printed, not the first ones.
     */
    @Test
    void aRunOfManyFilesStreamsTheTableOfItsRowsHeldAtOnce() throws IOException {
        String store = new StoreFixture(dir).pipeline("run-a", T0, 1_500).pipeline("run-b", T0, 30).write();
        try (Stream<Path> files = Files.walk(Path.of(store, "events"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".parquet")).count()).isGreaterThan(4 + 4);
        }
        for (List<String> filters : List.of(List.<String>of(), List.of("--limit", "7"), List.of("--where", "qty=100"),
                List.of("--type", "FILL", "--source", "SimulatedBroker", "--limit", "400"))) {
            assertTableIsTheHeldOne(store, filters);
        }
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a"))).hasSize(3_000);
    }

    /**
     * Past the rows a streamed table measures, the footers give the widths of the ids and types still to come, and
     * sources take their clip: for a run like the fixture's, the same table as held whole.
     */
    @Test
    void pastTheMeasuredRowsTheTableIsStillTheHeldOne() {
        String store = new StoreFixture(dir).pipeline("run-a", T0, 7_600).write();
        assertThat(assertTableIsTheHeldOne(store, List.of())).hasSize(15_199 + 1);
    }

    /** Compares the table to the CSV's rows rendered at once; returns the table's lines. */
    private static List<String> assertTableIsTheHeldOne(String store, List<String> filters) {
        List<String> args = new ArrayList<>(List.of("events", "--store", store, "--run", "run-a"));
        args.addAll(filters);
        Result table = Cli.run(args.toArray(String[]::new));
        args.addAll(List.of("--format", "csv"));
        List<String> csv = Cli.run(args.toArray(String[]::new)).out().lines().toList();

        Table held = new Table(EventsCommand.COLUMNS);
        csv.stream().skip(1).forEach(line -> held.row((Object[]) Arrays.stream(line.split(",", -1))
                .map(cell -> cell.isEmpty() ? null : cell).toArray(String[]::new)));
        StringWriter rendered = new StringWriter();
        PrintWriter out = new PrintWriter(rendered);
        TableRenderer.render(held, out);
        out.flush();
        assertThat(table.out()).as("%s", filters).isEqualTo(rendered.toString());
        assertThat(ids(table)).as("%s", filters).isNotEmpty().isSortedAccordingTo(
                (a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        return table.out().lines().toList();
    }

    @Test
    void filtersByTypeAndLimit() {
        String store = store();
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--type", "FILL"))).containsExactly("6", "12");
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--type", "SIGNAL", "--type", "FILL")))
                .containsExactly("4", "6", "10", "12");
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--limit", "3"))).containsExactly("1", "2", "3");
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--type", "BAR", "--limit", "4")))
                .containsExactly("1", "2", "3", "7");
    }

    @Test
    void aTypeTheRunNeverPublishedGivesNoRows() {
        Result result = Cli.run("events", "--store", store(), "--run", "run-a", "--type", "RISK_BREACH");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(1);
    }

    @Test
    void cutsLongPayloadsInTablesOnly() throws Exception {
        String price = "1".repeat(100);
        String store = new StoreFixture(dir).add(StoreFixture.event("run-a", T0, 1, "BAR", TracedEvent.ABSENT,
                StoreFixture.data("symbol", "SPY", "close", price))).write();
        String table = Cli.run("events", "--store", store, "--run", "run-a").out();
        assertThat(table).contains("symbol=SPY close=111").doesNotContain(price);
        assertThat(table.lines().skip(1).findFirst().orElseThrow()).endsWith("...");

        String csv = Cli.run("events", "--store", store, "--run", "run-a", "--format", "csv").out();
        assertThat(csv).startsWith("id,type,source,cause,created,received_ms,processed_ms,data\r\n")
                .contains("symbol=SPY close=" + price);

        JsonNode event = new ObjectMapper().readTree(
                Cli.run("events", "--store", store, "--run", "run-a", "--format", "json").out()).get("events").get(0);
        assertThat(event.get("data").get("close").asText()).isEqualTo(price);
    }

    @Test
    void jsonCarriesEveryTimeAndNullForARootsCause() throws Exception {
        JsonNode root = new ObjectMapper().readTree(
                Cli.run("events", "--store", store(), "--run", "run-a", "--limit", "4", "--format", "json").out());
        assertThat(root.get("run").asText()).isEqualTo("run-a");
        JsonNode bar = root.get("events").get(0);
        assertThat(bar.fieldNames()).toIterable().containsExactly("event_id", "event_type", "source", "causation_id",
                "sequence_number", "timestamp", "created_at", "emitted_at", "received_at", "processed_at", "data");
        assertThat(bar.get("causation_id").isNull()).isTrue();
        assertThat(bar.get("processed_at").asText()).isEqualTo("2025-11-24T16:00:00.003000Z");
        assertThat(root.get("events").get(3).get("causation_id").asLong()).isEqualTo(3);
    }

    @Test
    void limitBelowOneIsAUsageError() {
        Result result = Cli.run("events", "--store", store(), "--run", "run-a", "--limit", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("analyzer events: --limit must be at least 1, was 0");
    }

    @Test
    void filtersBySourceByFullOrSimpleName() {
        String store = store();
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--source", "MomentumStrategy")))
                .containsExactly("4", "10");
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a",
                "--source", "dev.evtrace.samples.backtest.Portfolio", "--source", "SimulatedBroker")))
                .containsExactly("5", "6", "11", "12");
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--source", "Portfolio2"))).isEmpty();
    }

    @Test
    void filtersByTimeRangeInclusively() {
        // Event n is created n ms after T0 = 2025-11-24T16:00:00Z; the fixture's timestamp is its creation.
        String store = store();
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a",
                "--from", "2025-11-24T16:00:00.003Z", "--to", "2025-11-24T16:00:00.005Z"))).containsExactly("3", "4", "5");
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--from", "2025-11-24T17:00:00.011+01:00")))
                .containsExactly("11", "12");
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--to", "2025-11-24T16:00:00.002")))
                .containsExactly("1", "2");
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--to", "2025-11-24"))).isEmpty();
    }

    @Test
    void whereMustMatchEveryCondition() {
        String store = new StoreFixture(dir)
                .add(StoreFixture.event("run-a", T0, 1, "ORDER", TracedEvent.ABSENT, StoreFixture.data("symbol", "SPY", "side", "BUY")))
                .add(StoreFixture.event("run-a", T0, 2, "ORDER", TracedEvent.ABSENT, StoreFixture.data("symbol", "SPY", "side", "SELL")))
                .add(StoreFixture.event("run-a", T0, 3, "ORDER", TracedEvent.ABSENT, StoreFixture.data("symbol", "QQQ", "side", "BUY")))
                .add(StoreFixture.event("run-a", T0, 4, "ORDER", TracedEvent.ABSENT, StoreFixture.data("note", "a=b")))
                .write();
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--where", "symbol=SPY"))).containsExactly("1", "2");
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--where", "symbol=SPY", "--where", "side=BUY")))
                .containsExactly("1");
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--where", "note=a=b"))).containsExactly("4");
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--where", "symbol=spy"))).isEmpty();
        assertThat(ids(Cli.run("events", "--store", store, "--run", "run-a", "--where", "symbol=SPY", "--limit", "1")))
                .containsExactly("1");
    }

    @Test
    void badTimeOrWhereIsAUsageError() {
        String store = store();
        Result badTime = Cli.run("events", "--store", store, "--run", "run-a", "--from", "yesterday");
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.err().lines().findFirst()).hasValue("analyzer events: invalid value for option '--from': "
                + "expected an ISO-8601 time such as 2025-11-24T16:00:00Z but was 'yesterday'");
        Result reversed = Cli.run("events", "--store", store, "--run", "run-a",
                "--from", "2025-11-24T17:00:00Z", "--to", "2025-11-24T16:00:00Z");
        assertThat(reversed.exitCode()).isEqualTo(2);
        assertThat(reversed.err()).startsWith("analyzer events: --from must not be after --to");
        Result badWhere = Cli.run("events", "--store", store, "--run", "run-a", "--where", "symbol");
        assertThat(badWhere.exitCode()).isEqualTo(2);
        assertThat(badWhere.err()).startsWith("analyzer events: ").contains("--where").contains("KEY=VALUE")
                .doesNotContain("Exception");
    }

    @Test
    void filtersThatMatchNothingInAKnownRunGiveNoRowsNotAnError() {
        String store = store();
        Result result = Cli.run("events", "--store", store, "--run", "run-a", "--where", "symbol=NONE");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(1);
        Result unknown = Cli.run("events", "--store", store, "--run", "run-x", "--where", "symbol=SPY");
        assertThat(unknown.exitCode()).isEqualTo(1);
    }
}
