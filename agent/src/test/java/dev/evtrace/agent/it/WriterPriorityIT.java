package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tracer.writer.nice=19 (Linux): the writer thread runs at the lowest priority and its catch-up thread at the
 * program's, as read from the live JVM's /proc, and not an event is lost.
 */
class WriterPriorityIT {
    private static final String WRITER = "tracer-writer";
    // The OS keeps 15 characters of a thread's name.
    private static final String CATCH_UP = "tracer-writer-c";

    @TempDir
    Path work;

    @Test
    void theWriterThreadRunsAtTheLowestPriorityAndWritesEveryEvent() throws Exception {
        Path store = work.resolve("events");
        Map<String, Integer> nice = new ConcurrentHashMap<>();
        JavaProcess traced = JavaProcess.traced(List.of("-Dtracer.store=" + store, "-Dtracer.writer.nice=19"),
                List.of("--symbols", "20", "--bars", "12000", "--seed", "7"), work, process -> {
                    while (process.isAlive() && nice.getOrDefault(WRITER, 0) != 19) {
                        nice.putAll(threadNiceValues(process.pid()));
                        sleep();
                    }
                });

        assertThat(traced.exitCode()).isZero();
        assertThat(nice).containsEntry(WRITER, 19).containsEntry(CATCH_UP, 0);
        long published = traced.eventsPublished();
        assertThat(traced.tracerLines()).noneMatch(l -> l.contains("priority"))
                .anyMatch(l -> l.startsWith("tracer: " + published + " events written to " + store + " (")
                        && l.contains(", 0 dropped, "));
    }

    /** Each thread's nice value by its name, from field 19 of /proc/<pid>/task/<tid>/stat. */
    private static Map<String, Integer> threadNiceValues(long pid) {
        Map<String, Integer> byName = new ConcurrentHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.put(name, Integer.parseInt(fields[19 - 3]));
                } catch (IOException e) {
                    // the thread ended while being read
                }
            });
        } catch (IOException e) {
            // the process ended
        }
        return byName;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
