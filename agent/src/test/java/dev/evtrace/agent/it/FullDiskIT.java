package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A store on a disk that fills up in the middle of the run (a real 1 MB tmpfs): one line says so, the program
 * runs on and prints what it prints untraced, the tracer's partial files are deleted, and its counts say
 * exactly what a reader finds.
 */
class FullDiskIT {
    private static final Pattern EXIT_LINE = Pattern.compile("tracer: (\\d+) events written to .*, (\\d+) dropped, .*");

    @TempDir
    Path work;

    private Path disk;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(work.resolve("disk"));
        int exit = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        if (exit != 0 && System.getenv("CI") != null) {
            fail("CI runs as root and must be able to mount a tmpfs for this test (mount exited " + exit + ")");
        }
        assumeTrue(exit == 0, "mounting a tmpfs needs root");
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", disk.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** With a ring of 1,024 slots the writer falls behind, and its encoder stage meets the full disk. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1024})
    void aFullDiskIsReportedOnceAndTheCountsSayWhatWasKept(int ringSlots) throws Exception {
        Path store = disk.resolve("events");
        List<String> args = List.of("--symbols", "20", "--bars", "20000");
        JavaProcess untraced = JavaProcess.untraced(args, work);
        List<String> options = new ArrayList<>(List.of("-Dtracer.store=" + store));
        if (ringSlots > 0) {
            options.add("-Dtracer.buffer.size=" + ringSlots);
        }
        JavaProcess traced = JavaProcess.traced(options, args, work);

        assertThat(traced.exitCode()).isEqualTo(untraced.exitCode());
        assertThat(traced.stdout()).isEqualTo(untraced.stdout());
        // One line for the store; the journal, which needs its first 4 MB at once, says on its own line that the
        // run goes without it.
        assertThat(traced.tracerLines()).filteredOn(l -> l.contains("No space left on device"))
                .filteredOn(l -> !l.contains("journal")).hasSize(1);
        assertThat(traced.tracerLines()).filteredOn(l -> l.contains("journal"))
                .allMatch(l -> l.endsWith("tracing without it")).hasSizeLessThanOrEqualTo(1);

        Matcher exitLine = traced.tracerLines().stream().map(EXIT_LINE::matcher).filter(Matcher::matches)
                .findFirst().orElseThrow(() -> new AssertionError("no exit line in " + traced.tracerLines()));
        long written = Long.parseLong(exitLine.group(1));
        long dropped = Long.parseLong(exitLine.group(2));
        assertThat(dropped).isPositive();
        assertThat(written + dropped).isEqualTo(untraced.eventsPublished());
        EventDatasetReader reader = new EventDatasetReader(store.toString());
        List<TracedEvent> kept = reader.read(EventQuery.all());
        assertThat(kept).hasSize((int) written);
        assertThat(reader.writerCounters().published(kept.get(0).correlationId())).hasValue(untraced.eventsPublished());
        try (Stream<Path> files = Files.walk(store)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".inprogress"));
        }

        Properties counters = new Properties();
        try (Stream<Path> files = Files.list(store.resolve("_meta"))) {
            try (var in = Files.newInputStream(files.findFirst().orElseThrow())) {
                counters.load(in);
            }
        }
        assertThat(counters.getProperty("store_error")).contains("No space left on device");
        assertThat(Long.parseLong(counters.getProperty("written"))).isEqualTo(written);
        assertThat(Long.parseLong(counters.getProperty("dropped"))).isEqualTo(dropped);
        if (ringSlots > 0) {
            assertThat(Long.parseLong(counters.getProperty("encoder_rows"))).isPositive();
        }
    }
}
