package dev.evtrace.agent.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Linux, as CI and every machine the project runs on: a thread's own nice value, read back from /proc. */
class WriterPriorityTest {

    @Test
    void lowersTheNamedThreadOnly() throws Exception {
        AtomicReference<Integer> lowered = new AtomicReference<>();
        AtomicReference<Integer> other = new AtomicReference<>();
        List<String> warnings = new ArrayList<>();
        Thread thread = new Thread(() -> {
            String id = WriterPriority.currentThreadId();
            boolean done = WriterPriority.lower(id, 7, warnings::add);
            lowered.set(done ? niceOf(id) : null);
        });
        thread.start();
        thread.join();
        other.set(niceOf(WriterPriority.currentThreadId()));

        assertThat(warnings).isEmpty();
        assertThat(lowered.get()).isEqualTo(7);
        assertThat(other.get()).as("the calling thread keeps its priority").isNotEqualTo(7);
    }

    @Test
    void zeroLeavesThePriorityAsItIs() {
        List<String> warnings = new ArrayList<>();
        assertThat(WriterPriority.lower(WriterPriority.currentThreadId(), 0, warnings::add)).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aThreadThatIsGoneIsOneLineOnStderr() {
        List<String> warnings = new ArrayList<>();
        assertThat(WriterPriority.lower("2147483647", 19, warnings::add)).isFalse();
        assertThat(warnings).singleElement().asString()
                .startsWith("the writer thread keeps the program's priority (renice exited with ")
                .endsWith("); tracer.writer.nice=0 stops trying");
    }

    /** Field 19 of /proc/self/task/<tid>/stat, counted after the command name's closing parenthesis. */
    private static int niceOf(String threadId) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task", threadId, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
