package dev.evtrace.analyzer;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanSizeTest {
    @TempDir
    Path dir;

    @Test
    void countsTheRowsOfTheFilesAndRowGroupsAScanWouldRead() {
        // run-a: 6 bars and 2 signal chains, 12 events; run-b: 3 bars and 1 chain, 6 events, in the same files.
        EventDatasetReader one = new EventDatasetReader(new StoreFixture(dir.resolve("a")).pipeline("run-a", T0, 6).write());
        assertThat(ScanSize.rows(one, EventQuery.all())).isEqualTo(12);
        assertThat(ScanSize.rows(one, EventQuery.run("run-a"))).isEqualTo(12);
        assertThat(ScanSize.rows(one, EventQuery.run("run-a").withTypes(Set.of("BAR")))).isEqualTo(6);
        assertThat(ScanSize.rows(one, EventQuery.run("run-z"))).as("outside every row group's run range").isZero();

        EventDatasetReader two = new EventDatasetReader(new StoreFixture(dir.resolve("b"))
                .pipeline("run-a", T0, 6).pipeline("run-b", T0, 3).write());
        assertThat(ScanSize.rows(two, EventQuery.run("run-b"))).as("an upper bound").isBetween(6L, 18L);
    }
}
