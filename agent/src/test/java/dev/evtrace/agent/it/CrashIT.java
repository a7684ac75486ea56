package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a traced backtest: what was rolled is readable, and no half file is ever seen. */
class CrashIT {
    @TempDir
    Path work;

    @Test
    void aKilledBacktestLeavesAReadableStore() throws Exception {
        Path store = work.resolve("events");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + JavaProcess.TRACER_JAR.toAbsolutePath(),
                "-Dtracer.config=" + JavaProcess.SAMPLES_PROPERTIES.toAbsolutePath(), "-Dtracer.store=" + store,
                "-jar", JavaProcess.SAMPLES_JAR.toAbsolutePath().toString(), "--symbols", "20", "--bars", "200000")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (dataFiles(store) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(process.isAlive()).as("still running when killed").isTrue();
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(process.exitValue()).isEqualTo(137);

        List<TracedEvent> events = new EventDatasetReader(store.toString()).read(EventQuery.all());
        assertThat(events).isNotEmpty();
        assertThat(events).extracting(TracedEvent::eventId).doesNotHaveDuplicates();
    }

    private static long dataFiles(Path store) throws Exception {
        if (!Files.isDirectory(store)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).count();
        }
    }
}
