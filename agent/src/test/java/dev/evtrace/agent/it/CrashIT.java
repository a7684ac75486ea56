package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a traced backtest: what was rolled is readable, and no half file is ever seen. */
class CrashIT {
    @TempDir
    Path work;

    @Test
    void aKilledBacktestLeavesAReadableStore() throws Exception {
        Path store = work.resolve("events");
        KilledBacktest.run(store, 0);

        List<TracedEvent> events = new EventDatasetReader(store.toString()).read(EventQuery.all());
        assertThat(events).isNotEmpty();
        assertThat(events).extracting(TracedEvent::eventId).doesNotHaveDuplicates();
    }
}
