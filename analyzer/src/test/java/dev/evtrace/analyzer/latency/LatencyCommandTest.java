package dev.evtrace.analyzer.latency;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evtrace.analyzer.Cli;
import dev.evtrace.analyzer.Cli.Result;
import dev.evtrace.analyzer.StoreFixture;
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
}
