package dev.evtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterCountersTest {
    @TempDir
    Path dir;

    private void writeCounters(String writerId, Map<String, String> values) throws IOException {
        try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions(writerId, 1_000, Map.of()))) {
            writer.write(EventDatasetTest.event("run.1", 1, "BAR", 0));
            writer.writeMetadata(values);
        }
    }

    @Test
    void sumsWhatEveryWriterSampledOutPerRunAndType() throws IOException {
        writeCounters("w1", Map.of("published", "10", WriterCounters.sampledOutKey("run.1", "BAR"), "7",
                WriterCounters.sampledOutKey("run-2", "BAR"), "1"));
        writeCounters("w2", Map.of(WriterCounters.sampledOutKey("run.1", "BAR"), "3",
                WriterCounters.sampledOutKey("run.1", "SIGNAL"), "2"));

        WriterCounters counters = new EventDatasetReader(dir.toString()).writerCounters();

        assertThat(counters.sampledOut("run.1")).containsExactly(Map.entry("BAR", 10L), Map.entry("SIGNAL", 2L));
        assertThat(counters.sampledOut("run-2")).containsExactly(Map.entry("BAR", 1L));
        assertThat(counters.sampledOut("run-3")).isEmpty();
    }

    @Test
    void knowsWhatEachReportedRunPublished() throws IOException {
        writeCounters("w1", Map.of("published", "12", WriterCounters.publishedKey("run.1"), "10",
                WriterCounters.publishedKey("run-2"), "2"));

        WriterCounters counters = new EventDatasetReader(dir.toString()).writerCounters();

        assertThat(counters.published("run.1")).hasValue(10);
        assertThat(counters.published("run-2")).hasValue(2);
        assertThat(counters.published("run-killed")).isEmpty();
    }

    @Test
    void aStoreWithoutCountersHasNothingSampledOut() throws IOException {
        try (EventDatasetWriter writer = new EventDatasetWriter(dir.toString(), new WriterOptions("w1", 1_000, Map.of()))) {
            writer.write(EventDatasetTest.event("run-a", 1, "BAR", 0));
        }
        assertThat(new EventDatasetReader(dir.toString()).writerCounters().sampledOut("run-a")).isEmpty();
    }
}
