package dev.evtrace.analyzer.runs;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evtrace.analyzer.Cli;
import dev.evtrace.analyzer.Cli.Result;
import dev.evtrace.analyzer.StoreFixture;
import dev.evtrace.store.WriterCounters;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsCommandTest {
    private static final long HOUR = 3_600_000_000L;

    @TempDir
    Path dir;

    /** run-b starts an hour before run-a, so name order and start order differ. */
    private String twoRuns() {
        return new StoreFixture(dir).pipeline("run-a", T0 + HOUR, 6).pipeline("run-b", T0, 3).write();
    }

    @Test
    void listsEachRunWithPerTypeCountsOldestFirst() {
        Result result = Cli.run("runs", "--store", twoRuns());
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0).split(" +"))
                .containsExactly("RUN", "START", "END", "DURATION_MS", "EVENTS", "BAR", "SIGNAL", "ORDER", "FILL");
        // run-b: 3 bars then one SIGNAL, ORDER, FILL: ids 1..6, first created at +1 ms, last processed at +8 ms.
        assertThat(lines.get(1).split(" +")).containsExactly(
                "run-b", "2025-11-24T16:00:00.001000Z", "2025-11-24T16:00:00.008000Z", "7.000", "6", "3", "1", "1", "1");
        assertThat(lines.get(2).split(" +")).containsExactly(
                "run-a", "2025-11-24T17:00:00.001000Z", "2025-11-24T17:00:00.014000Z", "13.000", "12", "6", "2", "2", "2");
        assertThat(lines).hasSize(3);
    }

    @Test
    void countsZeroForATypeARunNeverPublished() {
        String store = new StoreFixture(dir).pipeline("run-a", T0, 3).pipeline("run-b", T0 + HOUR, 2).write();
        List<String> lines = Cli.run("runs", "--store", store).out().lines().toList();
        assertThat(lines.get(2).split(" +")).endsWith("2", "2", "0", "0", "0");
    }

    @Test
    void jsonIsOneDocumentWithCountsByType() throws Exception {
        Result result = Cli.run("runs", "--store", twoRuns(), "--format", "json");
        JsonNode runs = new ObjectMapper().readTree(result.out()).get("runs");
        assertThat(runs).hasSize(2);
        JsonNode first = runs.get(0);
        assertThat(first.get("run").asText()).isEqualTo("run-b");
        assertThat(first.get("start").asText()).isEqualTo("2025-11-24T16:00:00.001000Z");
        assertThat(first.get("duration_ms").decimalValue()).isEqualByComparingTo("7.000");
        assertThat(first.get("events").asLong()).isEqualTo(6);
        assertThat(first.get("events_by_type").get("BAR").asLong()).isEqualTo(3);
        assertThat(first.get("events_by_type").fieldNames()).toIterable().containsExactly("BAR", "SIGNAL", "ORDER", "FILL");
    }

    @Test
    void csvHasAHeaderRow() {
        Result result = Cli.run("runs", "--store", twoRuns(), "--format", "csv");
        assertThat(result.out()).startsWith("run,start,end,duration_ms,events,BAR,SIGNAL,ORDER,FILL\r\nrun-b,");
    }

    @Test
    void saysHowManyEventsTheSamplerLeftOutOfASampledRun() throws Exception {
        String store = new StoreFixture(dir).pipeline("run.a", T0, 3).pipeline("run-b", T0 + HOUR, 2)
                .counters(Map.of(WriterCounters.sampledOutKey("run.a", "BAR"), "40",
                        WriterCounters.sampledOutKey("run.a", "SIGNAL"), "2"))
                .write();

        List<String> lines = Cli.run("runs", "--store", store).out().lines().toList();
        assertThat(lines.get(0).split(" +")).endsWith("FILL", "SAMPLED_OUT");
        assertThat(lines.get(1).split(" +")).startsWith("run.a").endsWith("42");
        assertThat(lines.get(2).split(" +")).startsWith("run-b").endsWith("0");

        JsonNode runs = new ObjectMapper().readTree(Cli.run("runs", "--store", store, "--format", "json").out()).get("runs");
        assertThat(runs.get(0).get("sampled_out_by_type").get("BAR").asLong()).isEqualTo(40);
        assertThat(runs.get(0).get("sampled_out_by_type").get("SIGNAL").asLong()).isEqualTo(2);
        assertThat(runs.get(1).has("sampled_out_by_type")).isFalse();
    }

    @Test
    void saysHowManyPublishedEventsARunIsMissing() throws Exception {
        // run-a: 6 events stored (3 bars, a chain), 4 sampled out, 9 more published than stored or sampled;
        // run-b's writer never reported (killed): what it misses is unknown.
        String store = new StoreFixture(dir).pipeline("run-a", T0, 3).pipeline("run-b", T0 + HOUR, 2)
                .counters(Map.of(WriterCounters.publishedKey("run-a"), "19",
                        WriterCounters.sampledOutKey("run-a", "BAR"), "4"))
                .write();

        List<String> lines = Cli.run("runs", "--store", store).out().lines().toList();
        assertThat(lines.get(0).split(" +")).endsWith("SAMPLED_OUT", "MISSING");
        assertThat(lines.get(1).split(" +")).startsWith("run-a").endsWith("4", "9");
        assertThat(lines.get(2).split(" +")).startsWith("run-b").endsWith("0", "-");

        JsonNode runs = new ObjectMapper().readTree(Cli.run("runs", "--store", store, "--format", "json").out()).get("runs");
        assertThat(runs.get(0).get("published").asLong()).isEqualTo(19);
        assertThat(runs.get(0).get("missing").asLong()).isEqualTo(9);
        assertThat(runs.get(1).has("published")).isFalse();
        assertThat(runs.get(1).has("missing")).isFalse();
    }

    @Test
    void aRunWithNothingMissingGetsNoMissingColumn() {
        String store = new StoreFixture(dir).pipeline("run-a", T0, 3)
                .counters(Map.of(WriterCounters.publishedKey("run-a"), "6")).write();
        assertThat(Cli.run("runs", "--store", store).out().lines().findFirst().orElseThrow()).doesNotContain("MISSING");
    }

    @Test
    void aCorruptCountersFileExitsOneNamingIt() throws Exception {
        String store = new StoreFixture(dir).pipeline("run-a", T0, 3)
                .counters(Map.of(WriterCounters.sampledOutKey("run-a", "BAR"), "many")).write();

        Result result = Cli.run("runs", "--store", store);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("analyzer runs: cannot read ").contains("_meta/test.properties")
                .contains("sampled_out.run-a.BAR is not a count: many");
    }

    @Test
    void emptyStorePrintsOnlyTheHeader() {
        Result result = Cli.run("runs", "--store", new StoreFixture(dir).write());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).containsExactly("RUN  START  END  DURATION_MS  EVENTS");
    }
}
