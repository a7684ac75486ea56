package dev.evtrace.agent.writer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lowers a thread's scheduling priority (tracer.writer.nice). Linux only, where each thread has a nice value of
 * its own; Java has no call to set it, so this runs {@code renice} on the thread's id, which needs no privilege to
 * lower a priority (raising it back would).
 */
final class WriterPriority {
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final long RENICE_TIMEOUT_SECONDS = 5;

    private WriterPriority() {}

    /** The calling thread's id for the OS, or null off Linux. */
    static String currentThreadId() {
        try {
            // "/proc/thread-self" links to "<pid>/task/<tid>"
            return Files.isSymbolicLink(THREAD_SELF) ? Files.readSymbolicLink(THREAD_SELF).getFileName().toString() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param nice 1 to 19, as {@code nice(1)}: the higher, the less of a busy core the thread gets; 0 leaves it
     * @return whether the thread's priority is now lower; if it could not be lowered, {@code warn} was told why
     */
    static boolean lower(String threadId, int nice, Consumer<String> warn) {
        if (nice == 0) {
            return false;
        }
        String failure;
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", threadId)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!renice.waitFor(RENICE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                failure = "renice did not finish";
            } else {
                failure = renice.exitValue() == 0 ? null : "renice exited with " + renice.exitValue();
            }
        } catch (IOException | RuntimeException e) {
            failure = "cannot run renice: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (failure != null) {
            warn.accept("the writer thread keeps the program's priority (" + failure
                    + "); tracer.writer.nice=0 stops trying");
        }
        return failure == null;
    }
}
