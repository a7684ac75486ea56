package dev.evtrace.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StoreFixtureTest {
    @TempDir
    Path dir;

    @Test
    void writesRunsOfTheGivenLengthWhoseFillsLeadBackToABar() {
        Path store = dir.resolve("store");
        int exit = new CommandLine(new StoreFixture()).execute("--out", store.toString(), "--runs", "3",
                "--events-per-run", "2000", "--runs-per-writer", "2", "--deliveries");
        assertThat(exit).isZero();

        EventDatasetReader reader = new EventDatasetReader(store.toString());
        List<TracedEvent> events = reader.read(EventQuery.all());
        Map<String, List<TracedEvent>> byRun = events.stream().collect(Collectors.groupingBy(TracedEvent::correlationId));
        assertThat(byRun).hasSize(3).allSatisfy((run, runEvents) -> {
            assertThat(runEvents).extracting(TracedEvent::sequenceNumber).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, 2000).boxed().toList());
            Map<Long, TracedEvent> byId = runEvents.stream().collect(Collectors.toMap(TracedEvent::eventId, Function.identity()));
            List<TracedEvent> fills = runEvents.stream().filter(e -> e.eventType().equals("FILL")).toList();
            assertThat(fills).isNotEmpty().allSatisfy(fill -> {
                TracedEvent order = byId.get(fill.causationId());
                TracedEvent signal = byId.get(order.causationId());
                assertThat(List.of(order.eventType(), signal.eventType(), byId.get(signal.causationId()).eventType()))
                        .containsExactly("ORDER", "SIGNAL", "BAR");
            });
        });
        assertThat(events.stream().filter(e -> e.eventType().equals("BAR")).count()).isGreaterThan(events.size() * 8L / 10);
        assertThat(reader.deliveries(null)).isNotEmpty();
    }
}
