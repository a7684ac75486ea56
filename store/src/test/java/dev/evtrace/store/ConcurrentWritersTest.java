package dev.evtrace.store;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several processes write one dataset at once, as parallel backtests sharing a store do. */
class ConcurrentWritersTest {
    private static final int WRITERS = 4;
    private static final int BARS = 1_000;
    private static final int EVENTS_PER_RUN = TradingRun.events("run", 0, BARS).size();
    private static final long ROLL_EVENTS = 40;

    @TempDir
    Path store;
    @TempDir
    Path logs;
    private final List<Process> writers = new ArrayList<>();

    @AfterEach
    void stopWritersLeftRunning() {
        writers.forEach(Process::destroyForcibly);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void fourJvmsWritingOneStoreLoseNothingAndCollideNowhere() throws Exception {
        List<String> runs = IntStream.range(0, WRITERS).mapToObj(w -> "run-" + w).toList();
        for (String run : runs) {
            writers.add(start(run));
        }
        for (int w = 0; w < WRITERS; w++) {
            Process p = writers.get(w);
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).as(stderr(runs.get(w))).isEqualTo(WriterProcess.READY);
        }
        for (Process p : writers) {
            try (OutputStream go = p.getOutputStream()) {
                go.write('\n');
            }
        }
        for (int w = 0; w < WRITERS; w++) {
            assertThat(writers.get(w).waitFor()).as(stderr(runs.get(w))).isZero();
        }

        List<TracedEvent> events = new EventDatasetReader(store.toString()).read(EventQuery.all());
        assertThat(events).hasSize(WRITERS * EVENTS_PER_RUN);
        Map<String, Long> copies = events.stream()
                .collect(groupingBy(e -> e.correlationId() + "#" + e.eventId(), counting()));
        assertThat(copies).hasSize(WRITERS * EVENTS_PER_RUN).allSatisfy((event, n) -> assertThat(n).isOne());

        List<String> names = fileNames();
        assertThat(names).doesNotHaveDuplicates()
                .allMatch(StoreLayout::isDataFile)
                .noneMatch(n -> n.endsWith(StoreLayout.IN_PROGRESS_SUFFIX));
        assertThat(names.stream().map(n -> n.substring(0, n.lastIndexOf('-'))).distinct()).hasSize(WRITERS);
        assertThat(names).hasSizeGreaterThanOrEqualTo((int) (WRITERS * EVENTS_PER_RUN / ROLL_EVENTS));
    }

    private Process start(String run) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                WriterProcess.class.getName(), store.toString(), run, Integer.toString(BARS), Long.toString(ROLL_EVENTS))
                .redirectError(logs.resolve(run + ".err").toFile())
                .start();
    }

    private Supplier<String> stderr(String run) {
        return () -> {
            try {
                return run + "'s stderr:\n" + Files.readString(logs.resolve(run + ".err"));
            } catch (IOException e) {
                return run + "'s stderr cannot be read: " + e;
            }
        };
    }

    /** The name of every file under the store, wherever it lies. */
    private List<String> fileNames() throws IOException {
        try (Stream<Path> all = Files.walk(store)) {
            return all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
