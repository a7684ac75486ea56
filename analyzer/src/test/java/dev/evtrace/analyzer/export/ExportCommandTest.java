package dev.evtrace.analyzer.export;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static dev.evtrace.analyzer.StoreFixture.data;
import static dev.evtrace.analyzer.StoreFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evtrace.analyzer.Cli;
import dev.evtrace.analyzer.Cli.Result;
import dev.evtrace.analyzer.StoreFixture;
import dev.evtrace.store.Delivery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path dir;

    /** Two trading days (20 events, 16 deliveries) and a BAR never processed, published by the feed. */
    private String store() {
        long created = T0 + 50_000;
        return new StoreFixture(dir.resolve("events"))
                .trading("run-a", T0, 101_000, 102_000)
                .add(new TracedEvent(50, "BAR", created, "run-a", TracedEvent.ABSENT, "dev.evtrace.samples.backtest.CsvDataFeed",
                        created, created, TracedEvent.ABSENT, TracedEvent.ABSENT, Map.of(), TracedEvent.CURRENT_VERSION, 50, ""))
                .write();
    }

    private JsonNode export(String store) throws Exception {
        Path out = dir.resolve("trace.json");
        Result result = Cli.run("export", "--store", store, "--run", "run-a", "--format", "perfetto", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("wrote " + out + ": 11 events, 8 deliveries, 8 causation arrows, 8 tracks"
                + System.lineSeparator());
        return new ObjectMapper().readTree(out.toFile());
    }

    private static List<JsonNode> where(JsonNode trace, String field, String value) {
        return StreamSupport.stream(trace.get("traceEvents").spliterator(), false)
                .filter(e -> e.has(field) && e.get(field).asText().equals(value))
                .toList();
    }

    @Test
    void writesASliceForEveryEventAndDelivery() throws Exception {
        JsonNode trace = export(new StoreFixture(dir.resolve("one")).trading("run-a", T0, 101_000, 102_000)
                .add(event("run-a", T0, 11, "NOTE", TracedEvent.ABSENT, data())).write());
        List<JsonNode> events = where(trace, "cat", "event");
        assertThat(events).hasSize(11);
        assertThat(where(trace, "cat", "delivery")).hasSize(8).allSatisfy(d -> assertThat(d.get("ph").asText()).isEqualTo("X"));
        JsonNode bar = events.get(0);
        assertThat(bar.get("name").asText()).isEqualTo("BAR");
        assertThat(bar.get("ph").asText()).isEqualTo("X");
        assertThat(bar.get("ts").asLong()).as("relative to the run's first event").isZero();
        assertThat(bar.get("dur").asLong()).isEqualTo(2_000);
        assertThat(bar.get("pid").asInt()).isEqualTo(1);
        assertThat(bar.get("args").get("event_id").asLong()).isEqualTo(1);
        assertThat(bar.get("args").get("data").get("symbol").asText()).isEqualTo("SPY");
    }

    @Test
    void givesEachComponentATrackNamedAfterIt() throws Exception {
        JsonNode trace = export(store());
        Map<Integer, String> tracks = new HashMap<>();
        where(trace, "name", "thread_name").forEach(m -> tracks.put(m.get("tid").asInt(), m.get("args").get("name").asText()));
        assertThat(tracks.values()).containsExactlyInAnyOrder(
                "dev.evtrace.samples.backtest.CsvDataFeed", "dev.evtrace.samples.backtest.MomentumStrategy",
                "dev.evtrace.samples.backtest.Portfolio", "dev.evtrace.samples.backtest.SimulatedBroker",
                "com.acme.HandlerBAR", "com.acme.HandlerSIGNAL", "com.acme.HandlerORDER", "com.acme.HandlerPORTFOLIO");
        for (JsonNode e : where(trace, "cat", "event")) {
            assertThat(tracks.get(e.get("tid").asInt())).isEqualTo(e.get("args").get("source").asText());
        }
        for (JsonNode d : where(trace, "cat", "delivery")) {
            assertThat(tracks.get(d.get("tid").asInt())).isEqualTo("com.acme.Handler" + d.get("name").asText());
        }
    }

    @Test
    void drawsAnArrowFromEveryCauseToItsEffect() throws Exception {
        JsonNode trace = export(store());
        Map<Long, JsonNode> events = new HashMap<>();
        where(trace, "cat", "event").forEach(e -> events.put(e.get("args").get("event_id").asLong(), e));
        Map<Long, JsonNode> starts = new HashMap<>();
        Map<Long, JsonNode> ends = new HashMap<>();
        where(trace, "ph", "s").forEach(f -> starts.put(f.get("id").asLong(), f));
        where(trace, "ph", "f").forEach(f -> ends.put(f.get("id").asLong(), f));
        List<Long> effects = new ArrayList<>();
        for (JsonNode effect : events.values()) {
            if (effect.get("args").get("causation_id").isNull()) {
                continue;
            }
            long id = effect.get("args").get("event_id").asLong();
            effects.add(id);
            JsonNode cause = events.get(effect.get("args").get("causation_id").asLong());
            JsonNode start = starts.get(id);
            JsonNode end = ends.get(id);
            assertThat(start.get("tid")).isEqualTo(cause.get("tid"));
            assertThat(start.get("ts").asLong()).isBetween(cause.get("ts").asLong(),
                    cause.get("ts").asLong() + cause.get("dur").asLong());
            assertThat(end.get("tid")).isEqualTo(effect.get("tid"));
            assertThat(end.get("ts")).isEqualTo(effect.get("ts"));
            assertThat(end.get("bp").asText()).isEqualTo("e");
        }
        assertThat(effects).hasSize(8);
        assertThat(starts.keySet()).containsExactlyInAnyOrderElementsOf(effects);
    }

    @Test
    void anEventNeverProcessedIsAnInstant() throws Exception {
        JsonNode unprocessed = where(export(store()), "cat", "event").stream()
                .filter(e -> e.get("args").get("event_id").asLong() == 50).findFirst().orElseThrow();
        assertThat(unprocessed.get("ph").asText()).isEqualTo("i");
        assertThat(unprocessed.has("dur")).isFalse();
    }

    @Test
    void timesAQueuedBusEventFromItsDeliveries() throws Exception {
        long created = T0 + 1_000;
        String store = new StoreFixture(dir.resolve("queued"))
                .add(new TracedEvent(1, "BAR", created, "run-a", TracedEvent.ABSENT, "Feed", created, created,
                        TracedEvent.ABSENT, TracedEvent.ABSENT, Map.of(), TracedEvent.CURRENT_VERSION, 1, ""))
                .add(new Delivery("run-a", 1, "BAR", "Strategy", "bus", created + 3_000, created + 7_000, false))
                .write();
        Path out = dir.resolve("queued.json");
        Cli.run("export", "--store", store, "--run", "run-a", "--out", out.toString());
        JsonNode bar = where(new ObjectMapper().readTree(out.toFile()), "cat", "event").get(0);
        assertThat(bar.get("ph").asText()).isEqualTo("X");
        assertThat(bar.get("dur").asLong()).isEqualTo(7_000);
    }

    @Test
    void errorsAreOneLine() {
        String store = store();
        Result format = Cli.run("export", "--store", store, "--run", "run-a", "--format", "json", "--out", "x.json");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err().lines().findFirst()).hasValue(
                "analyzer export: invalid value for option '--format': expected perfetto but was 'json'");
        Path nowhere = dir.resolve("no/such/dir/trace.json");
        Result unwritable = Cli.run("export", "--store", store, "--run", "run-a", "--out", nowhere.toString());
        assertThat(unwritable.exitCode()).isEqualTo(1);
        assertThat(unwritable.err()).isEqualTo("analyzer export: cannot write " + nowhere + ": no such directory"
                + System.lineSeparator());
        assertThat(Cli.run("export", "--store", store, "--run", "run-a", "--out", nowhere.toString(), "--debug").err())
                .contains("NoSuchFileException", "\tat ");
        Result unknown = Cli.run("export", "--store", store, "--run", "run-x", "--out", dir.resolve("x.json").toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("analyzer export: no run run-x in store ");
        assertThat(Cli.run("export", "--store", store, "--run", "run-a").exitCode()).as("--out is required").isEqualTo(2);
    }
}
