package dev.evtrace.analyzer.latency;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evtrace.analyzer.Cli;
import dev.evtrace.analyzer.Cli.Result;
import dev.evtrace.analyzer.StoreFixture;
import dev.evtrace.store.Delivery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyCommandTest {
    @TempDir
    Path dir;

    private static TracedEvent bar(long id, long receivedAfter, long processedAfter) {
        long created = T0 + id * 20_000;
        return new TracedEvent(id, "BAR", created, "run-a", TracedEvent.ABSENT, "Feed", created, created,
                receivedAfter < 0 ? TracedEvent.ABSENT : created + receivedAfter,
                processedAfter < 0 ? TracedEvent.ABSENT : created + processedAfter,
                Map.of(), TracedEvent.CURRENT_VERSION, id, "");
    }

    /** The seed's test_latency_analysis: received 5 ms and processed 10 ms after creation, emitted at creation. */
    private String seedStore() {
        StoreFixture fixture = new StoreFixture(dir);
        for (long id = 1; id <= 100; id++) {
            fixture.add(bar(id, 5_000, 10_000));
        }
        return fixture.write();
    }

    @Test
    void hundredBarsProcessedTenMillisecondsAfterCreation() throws Exception {
        Result result = Cli.run("latency", "--store", seedStore(), "--run", "run-a", "--format", "json");
        assertThat(result.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(result.out());
        assertThat(root.get("run").asText()).isEqualTo("run-a");
        JsonNode bar = root.get("types").get(0);
        assertThat(bar.get("event_type").asText()).isEqualTo("BAR");
        assertThat(bar.get("events").asLong()).isEqualTo(100);
        JsonNode latency = bar.get("latency");
        assertThat(latency.get("count").asLong()).isEqualTo(100);
        assertThat(latency.get("mean_ms").asDouble()).isCloseTo(10.0, within(0.01));
        assertThat(latency.get("p99_ms").asDouble()).isCloseTo(10.0, within(0.01));
        assertThat(bar.get("queue_time").get("mean_ms").asDouble()).isCloseTo(5.0, within(0.01));
        assertThat(bar.get("queue_time").get("count").asLong()).isEqualTo(100);
    }

    @Test
    void tablePrintsBothMetricsPerTypeInMilliseconds() {
        List<String> lines = Cli.run("latency", "--store", seedStore(), "--run", "run-a").out().lines().toList();
        assertThat(lines.get(0).split(" +")).containsExactly(
                "TYPE", "METRIC", "COUNT", "MISSING", "MEAN_MS", "P50_MS", "P95_MS", "P99_MS", "MAX_MS");
        assertThat(lines.get(1).split(" +")).containsExactly(
                "BAR", "latency", "100", "0", "10.000", "10.000", "10.000", "10.000", "10.000");
        assertThat(lines.get(2).split(" +")).containsExactly(
                "BAR", "queue_time", "100", "0", "5.000", "5.000", "5.000", "5.000", "5.000");
    }

    @Test
    void eventsNeverProcessedAreCountedAsMissing() {
        String store = new StoreFixture(dir).add(bar(1, 1_000, 3_000)).add(bar(2, 1_000, -1)).add(bar(3, -1, -1)).write();
        List<String> lines = Cli.run("latency", "--store", store, "--run", "run-a").out().lines().toList();
        assertThat(lines.get(1).split(" +")).containsExactly(
                "BAR", "latency", "1", "2", "3.000", "3.000", "3.000", "3.000", "3.000");
        assertThat(lines.get(2).split(" +")).startsWith("BAR", "queue_time", "2", "1", "1.000");
    }

    @Test
    void listsTypesInTheOrderTheRunFirstPublishedThem() {
        String store = new StoreFixture(dir).pipeline("run-a", T0, 3).write();
        assertThat(Cli.run("latency", "--store", store, "--run", "run-a", "--format", "csv").out().split("\r\n"))
                .extracting(line -> line.split(",")[0] + "," + line.split(",")[1])
                .containsExactly("type,metric", "BAR,latency", "BAR,queue_time", "SIGNAL,latency", "SIGNAL,queue_time",
                        "ORDER,latency", "ORDER,queue_time", "FILL,latency", "FILL,queue_time");
    }

    /**
     * A queued bus: the events carry no received or processed time, their deliveries do. BAR 1 goes to two
     * handlers (entered 2 and 3 ms after creation, left at 4 and 9 ms); BAR 2 to one that throws (1 to 2 ms).
     */
    private String queuedStore() {
        return new StoreFixture(dir)
                .add(bar(1, -1, -1)).add(bar(2, -1, -1))
                .add(new Delivery("run-a", 1, "BAR", "com.acme.Strategy", "bus-1", created(1) + 2_000, created(1) + 4_000, false))
                .add(new Delivery("run-a", 1, "BAR", "com.acme.Tracker", "bus-2", created(1) + 3_000, created(1) + 9_000, false))
                .add(new Delivery("run-a", 2, "BAR", "com.acme.Strategy", "bus-1", created(2) + 1_000, created(2) + 2_000, true))
                .write();
    }

    private static long created(long id) {
        return T0 + id * 20_000;
    }

    @Test
    void timesEventsTheBusDidNotTimeFromTheirDeliveries() throws Exception {
        JsonNode bar = new ObjectMapper().readTree(
                Cli.run("latency", "--store", queuedStore(), "--run", "run-a", "--format", "json").out()).get("types").get(0);
        // BAR 1: received at the first entry (2 ms), processed at the last exit (9 ms); BAR 2: 1 and 2 ms.
        assertThat(bar.get("latency").get("count").asLong()).isEqualTo(2);
        assertThat(bar.get("latency").get("missing").asLong()).isZero();
        assertThat(bar.get("latency").get("max_ms").decimalValue()).isEqualByComparingTo("9.000");
        assertThat(bar.get("latency").get("mean_ms").decimalValue()).isEqualByComparingTo("5.500");
        assertThat(bar.get("queue_time").get("mean_ms").decimalValue()).isEqualByComparingTo("1.500");
    }

    @Test
    void byHandlerTimesEachHandlerAndCountsWhatThrew() throws Exception {
        String store = queuedStore();
        List<String> lines = Cli.run("latency", "--store", store, "--run", "run-a", "--by", "handler").out().lines().toList();
        assertThat(lines.get(0).split(" +")).containsExactly(
                "HANDLER", "TYPE", "COUNT", "MEAN_MS", "P50_MS", "P95_MS", "P99_MS", "MAX_MS", "THREW");
        assertThat(lines.get(1).split(" +")).containsExactly(
                "com.acme.Strategy", "BAR", "2", "1.500", "1.000", "2.000", "2.000", "2.000", "1");
        assertThat(lines.get(2).split(" +")).containsExactly(
                "com.acme.Tracker", "BAR", "1", "6.000", "6.000", "6.000", "6.000", "6.000", "0");

        JsonNode handler = new ObjectMapper().readTree(
                Cli.run("latency", "--store", store, "--run", "run-a", "--by", "HANDLER", "--format", "json").out())
                .get("handlers").get(0);
        assertThat(handler.fieldNames()).toIterable().containsExactly(
                "handler", "event_type", "count", "mean_ms", "p50_ms", "p95_ms", "p99_ms", "max_ms", "threw");
        assertThat(handler.get("threw").asLong()).isEqualTo(1);
    }

    @Test
    void bySourceGroupsBySourceInPublishOrder() throws Exception {
        String store = new StoreFixture(dir).pipeline("run-a", T0, 3).write();
        List<String> lines = Cli.run("latency", "--store", store, "--run", "run-a", "--by", "source", "--format", "csv")
                .out().lines().toList();
        assertThat(lines.get(0)).startsWith("source,metric,count,missing,mean_ms");
        assertThat(lines).extracting(line -> line.split(",")[0]).containsSubsequence(
                "dev.evtrace.samples.backtest.CsvDataFeed", "dev.evtrace.samples.backtest.MomentumStrategy",
                "dev.evtrace.samples.backtest.Portfolio", "dev.evtrace.samples.backtest.SimulatedBroker");
        JsonNode source = new ObjectMapper().readTree(
                Cli.run("latency", "--store", store, "--run", "run-a", "--by", "source", "--format", "json").out())
                .get("sources").get(0);
        assertThat(source.get("source").asText()).isEqualTo("dev.evtrace.samples.backtest.CsvDataFeed");
        assertThat(source.get("events").asLong()).isEqualTo(3);
    }

    @Test
    void byHandlerOfARunWithoutDeliveriesIsEmptyButOfAnUnknownRunAnError() {
        String store = seedStore();
        Result empty = Cli.run("latency", "--store", store, "--run", "run-a", "--by", "handler");
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out().lines()).hasSize(1);
        Result unknown = Cli.run("latency", "--store", store, "--run", "run-x", "--by", "handler");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("analyzer latency: no run run-x in store " + store + System.lineSeparator());
    }

    @Test
    void unknownGroupingIsAUsageError() {
        Result result = Cli.run("latency", "--store", seedStore(), "--run", "run-a", "--by", "thread");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValue(
                "analyzer latency: invalid value for option '--by': expected one of type, source, handler but was 'thread'");
    }
}
