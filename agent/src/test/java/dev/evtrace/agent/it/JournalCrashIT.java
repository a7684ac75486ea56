package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.journal.JournalRecovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a traced backtest with tracer.store.journal=true: the journal it leaves holds the events of the
 * files it never completed, and recovering it stores them, each once, up to the kill.
 */
class JournalCrashIT {
    @TempDir
    Path work;

    @Test
    void recoveringAKilledBacktestsJournalStoresTheEventsItsUnfinishedFilesHeld() throws Exception {
        Path store = work.resolve("events");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + JavaProcess.TRACER_JAR.toAbsolutePath(),
                "-Dtracer.config=" + JavaProcess.SAMPLES_PROPERTIES.toAbsolutePath(), "-Dtracer.store=" + store,
                "-Dtracer.store.journal=true",
                "-jar", JavaProcess.SAMPLES_JAR.toAbsolutePath().toString(), "--symbols", "20", "--bars", "200000")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (dataFiles(store) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            // Half a roll interval more: the open files then hold events that only the journal also has.
            Thread.sleep(500);
            assertThat(process.isAlive()).as("still running when killed").isTrue();
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(process.exitValue()).isEqualTo(137);
        Path journals = JournalRecovery.journalDir(store.toString()).orElseThrow();
        assertThat(journals).isDirectoryContaining(p -> p.toString().endsWith(".journal"));
        long completedOnly = new EventDatasetReader(store.toString()).read(EventQuery.all()).size();

        JournalRecovery.Result result = JournalRecovery.recover(store.toString());

        assertThat(result.recovered()).isEqualTo(1);
        assertThat(result.events()).isPositive();
        assertThat(result.deliveries()).isPositive();
        List<Long> ids = new EventDatasetReader(store.toString()).read(EventQuery.all()).stream()
                .map(TracedEvent::eventId).sorted().toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize((int) (completedOnly + result.events()));
        // A prefix of the run: only the events still being published at the kill (their handlers' own events
        // were stored first) can be missing below the last one stored.
        long missingBelowLast = ids.get(ids.size() - 1) - ids.size();
        assertThat(missingBelowLast).isBetween(0L, 8L);
        assertThat(journals).isEmptyDirectory();
        try (Stream<Path> files = Files.walk(store)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".inprogress"));
        }
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
