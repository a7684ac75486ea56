package dev.evtrace.analyzer.sample;

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
import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
    @TempDir
    Path dir;

    /** The seed's sampling test: 1,000 events, every 100th a SIGNAL; every BAR delivered to one handler. */
    private String store() {
        StoreFixture fixture = new StoreFixture(dir.resolve("events"));
        for (long id = 1; id <= 1_000; id++) {
            TracedEvent e = id % 100 == 0
                    ? event("run-a", T0, id, "SIGNAL", id - 1, data("side", "BUY"))
                    : event("run-a", T0, id, "BAR", TracedEvent.ABSENT, data("close", Long.toString(id)));
            fixture.add(e);
            if (e.eventType().equals("BAR")) {
                fixture.add(new Delivery("run-a", id, "BAR", "Strategy", "main", e.receivedAt(), e.processedAt(), false));
            }
        }
        return fixture.add(event("run-b", T0, 1, "BAR", TracedEvent.ABSENT, data())).write();
    }

    @Test
    void keepsEveryCriticalEventWithItsContextAndSamplesTheRest() throws Exception {
        String store = store();
        Result result = Cli.run("sample", "--store", store, "--run", "run-a", "--rate", "0.1", "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("out").asText()).isEqualTo(store + "-sampled-0.1");
        JsonNode bar = json.get("types").get(0);
        JsonNode signal = json.get("types").get(1);
        assertThat(bar.get("event_type").asText()).isEqualTo("BAR");
        assertThat(bar.get("events").asLong()).isEqualTo(990);
        assertThat(bar.get("kept").asLong() + bar.get("dropped").asLong()).isEqualTo(990);
        assertThat(signal.get("kept").asLong()).isEqualTo(10);
        assertThat(signal.get("dropped").asLong()).isZero();

        List<TracedEvent> kept = new EventDatasetReader(store + "-sampled-0.1").read(EventQuery.all());
        assertThat(kept).hasSize((int) (bar.get("kept").asLong() + 10)).hasSizeBetween(100, 200);
        assertThat(kept).allMatch(e -> e.correlationId().equals("run-a"));
        Set<Long> ids = kept.stream().map(TracedEvent::eventId).collect(Collectors.toSet());
        for (long signalId = 100; signalId <= 1_000; signalId += 100) {
            for (long near = signalId - 5; near <= Math.min(1_000, signalId + 5); near++) {
                assertThat(ids).as("context of SIGNAL " + signalId).contains(near);
            }
        }
        assertThat(new EventDatasetReader(store + "-sampled-0.1").deliveries("run-a"))
                .as("the kept BARs' deliveries, no others").extracting(Delivery::eventId)
                .containsExactlyInAnyOrderElementsOf(kept.stream().filter(e -> e.eventType().equals("BAR"))
                        .map(TracedEvent::eventId).toList());
    }

    @Test
    void theSameRunAndRateGiveTheSameSample() {
        String store = store();
        Result first = Cli.run("sample", "--store", store, "--run", "run-a", "--rate", "0.2", "--out", dir.resolve("one").toString());
        Result second = Cli.run("sample", "--store", store, "--run", "run-a", "--rate", "0.2", "--out", dir.resolve("two").toString());
        assertThat(first.out().lines().skip(1).toList()).isEqualTo(second.out().lines().skip(1).toList());
        assertThat(first.out().lines().findFirst()).hasValue("run-a sampled at 0.2 into " + dir.resolve("one"));
        assertThat(first.out().lines().skip(1).findFirst()).hasValueSatisfying(
                header -> assertThat(header.split(" +")).containsExactly("TYPE", "EVENTS", "KEPT", "DROPPED"));
    }

    @Test
    void criticalTypesCanBeNamed() throws Exception {
        Result result = Cli.run("sample", "--store", store(), "--run", "run-a", "--rate", "0.01", "--critical", "BAR",
                "--format", "json", "--out", dir.resolve("all-bars").toString());
        JsonNode types = new ObjectMapper().readTree(result.out()).get("types");
        assertThat(types.get(0).get("dropped").asLong()).isZero();
    }

    @Test
    void errorsAreOneLine() throws Exception {
        String store = store();
        for (String rate : List.of("0", "1.5", "-0.1")) {
            Result bad = Cli.run("sample", "--store", store, "--run", "run-a", "--rate", rate);
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).startsWith("analyzer sample: --rate must be greater than 0 and at most 1, was ");
        }
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("something"), "x");
        Result exists = Cli.run("sample", "--store", store, "--run", "run-a", "--rate", "0.1", "--out", taken.toString());
        assertThat(exists.exitCode()).isEqualTo(1);
        assertThat(exists.err()).isEqualTo("analyzer sample: " + taken
                + " already exists and is not empty; name a new directory with --out" + System.lineSeparator());
        Path fresh = dir.resolve("fresh");
        Result unknown = Cli.run("sample", "--store", store, "--run", "run-x", "--rate", "0.1", "--out", fresh.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("analyzer sample: no run run-x in store ");
        assertThat(fresh).doesNotExist();
    }
}
