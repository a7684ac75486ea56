package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every dispatch shape of the sample, traced with the one samples/tracer.properties. */
class DispatchModesIT {
    private static final List<String> SIZE = List.of("--symbols", "6", "--bars", "1200", "--seed", "7");

    @TempDir
    Path work;

    static Stream<List<String>> modes() {
        return Stream.of(
                List.of("--mode", "sync"),
                List.of("--mode", "queued"),
                List.of("--mode", "executor"),
                List.of("--mode", "containers"),
                List.of("--bus", "guava"),
                List.of("--bus", "guava-async"),
                List.of("--bus", "queue"));
    }

    private static List<String> args(List<String> mode) {
        List<String> args = new ArrayList<>(SIZE);
        args.addAll(mode);
        return args;
    }

    @ParameterizedTest
    @MethodSource("modes")
    void tracesEveryEventWithItsDomainLineageAndChangesNothing(List<String> mode) throws Exception {
        Path store = work.resolve("events");
        JavaProcess untraced = JavaProcess.untraced(args(mode), work);
        JavaProcess traced = JavaProcess.traced(List.of("-Dtracer.store=" + store), args(mode), work);
        JavaProcess disabled = JavaProcess.traced(List.of("-Dtracer.enabled=false"), args(mode), work);

        assertThat(untraced.exitCode()).as(untraced.stderr()).isZero();
        assertThat(traced.stdout()).isEqualTo(untraced.stdout());
        assertThat(disabled.stdout()).isEqualTo(untraced.stdout());
        List<TracedEvent> events = new EventDatasetReader(store.toString()).read(EventQuery.all());
        assertThat(events).as(traced.stderr()).hasSize((int) untraced.eventsPublished());
        assertThat(events).extracting(TracedEvent::correlationId).containsOnly(events.get(0).correlationId());
        DomainLinks.assertLineageMatches(events);
    }

    @Test
    void eightConcurrentRunsKeepTheirOwnEventsAndCauses() throws Exception {
        List<String> sweep = List.of("--symbols", "4", "--bars", "800", "--seed", "7", "--runs", "8");
        Path parallelStore = work.resolve("parallel");
        Path sequentialStore = work.resolve("sequential");
        List<String> parallelArgs = new ArrayList<>(sweep);
        parallelArgs.addAll(List.of("--mode", "parallel"));
        List<String> sequentialArgs = new ArrayList<>(sweep);
        sequentialArgs.addAll(List.of("--mode", "sequential"));
        JavaProcess untraced = JavaProcess.untraced(parallelArgs, work);
        JavaProcess parallel = JavaProcess.traced(List.of("-Dtracer.store=" + parallelStore), parallelArgs, work);
        JavaProcess sequential = JavaProcess.traced(List.of("-Dtracer.store=" + sequentialStore), sequentialArgs, work);
        assertThat(parallel.stdout()).isEqualTo(untraced.stdout());

        Map<String, Set<String>> parallelRuns = runs(parallelStore);
        Map<String, Set<String>> sequentialRuns = runs(sequentialStore);
        assertThat(parallelRuns).hasSize(8);
        assertThat(new HashSet<>(parallelRuns.values())).as("each run's events equal the same run's, run alone")
                .isEqualTo(new HashSet<>(sequentialRuns.values()));
        DomainLinks.assertLineageMatches(new EventDatasetReader(parallelStore.toString()).read(EventQuery.all()));
        assertThat(sequential.exitCode()).isZero();
    }

    @Test
    void aWriterThatFallsBehindSharesItsWorkAndLosesNothing() throws Exception {
        List<String> args = List.of("--symbols", "4", "--bars", "800", "--seed", "7", "--runs", "8", "--mode", "parallel");
        Path roomy = work.resolve("roomy");
        Path tight = work.resolve("tight");
        JavaProcess.traced(List.of("-Dtracer.store=" + roomy), args, work);
        // A ring of 1,024 slots fills at once with eight producers: the writer hands rows to its encoder stage.
        JavaProcess traced = JavaProcess.traced(List.of("-Dtracer.store=" + tight, "-Dtracer.buffer.size=1024"), args, work);

        EventDatasetReader reader = new EventDatasetReader(tight.toString());
        Properties counters = new Properties();
        try (Stream<Path> files = Files.list(tight.resolve("_meta"))) {
            try (var in = Files.newInputStream(files.findFirst().orElseThrow())) {
                counters.load(in);
            }
        }
        assertThat(Long.parseLong(counters.getProperty("encoder_rows"))).as(traced.stderr()).isPositive();
        assertThat(counters.getProperty("dropped")).isEqualTo("0");
        assertThat(runsWithDeliveries(tight)).isEqualTo(runsWithDeliveries(roomy));
        DomainLinks.assertLineageMatches(reader.read(EventQuery.all()));
    }

    /** Each run as its events, then its deliveries as (event, handler, threw), both sorted. */
    private static Set<List<String>> runsWithDeliveries(Path store) {
        EventDatasetReader reader = new EventDatasetReader(store.toString());
        Set<List<String>> out = new HashSet<>();
        runs(store).forEach((run, events) -> {
            List<String> rows = new ArrayList<>(events.stream().sorted().toList());
            reader.deliveries(run).stream().map(d -> d.eventId() + " " + d.handler() + " " + d.threw()).sorted()
                    .forEach(rows::add);
            out.add(rows);
        });
        return out;
    }

    /** Per run: its events as (id, type, cause, payload), which do not depend on thread timing. */
    private static Map<String, Set<String>> runs(Path store) {
        return new EventDatasetReader(store.toString()).read(EventQuery.all()).stream().collect(Collectors.groupingBy(
                TracedEvent::correlationId,
                Collectors.mapping(e -> e.eventId() + " " + e.eventType() + " " + e.causationId() + " " + e.data(),
                        Collectors.toSet())));
    }
}
