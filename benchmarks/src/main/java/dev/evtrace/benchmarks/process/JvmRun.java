package dev.evtrace.benchmarks.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One finished child JVM: its output, its exit code, how long it took from launch to exit, the CPU time all its
 * threads used (and, on Linux, by group of threads, with each group's time waiting for a CPU), and the wall-clock
 * time it was launched at (to compare with what {@link TimeToMain} prints). The CPU time is the last reading of a
 * poll every {@value #CPU_POLL_MILLIS} ms, so it misses at most that much of the end of the run per core; the
 * threads' is read every {@value #THREAD_POLL_EVERY}th poll, as it takes a file read per thread on the machine
 * being measured.
 */
public record JvmRun(String stdout, String stderr, int exitCode, long wallNanos, long cpuNanos, long launchedAtMicros,
                     Map<ThreadCpu.Group, Double> cpuSecondsByGroup, Map<ThreadCpu.Group, Double> waitingSecondsByGroup) {
    static final long CPU_POLL_MILLIS = 20;
    static final int THREAD_POLL_EVERY = 5;

    /** Runs {@code command} to completion, its output going through files in {@code scratch} (no pipes to drain). */
    public static JvmRun run(List<String> command, Path scratch, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "stdout", ".txt");
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            Instant launched = Instant.now();
            long start = System.nanoTime();
            Process process = builder.start();
            long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            long cpu = 0;
            ThreadCpu threads = new ThreadCpu(process.pid());
            for (int poll = 0; !process.waitFor(CPU_POLL_MILLIS, TimeUnit.MILLISECONDS); poll++) {
                cpu = process.info().totalCpuDuration().map(Duration::toNanos).orElse(cpu);
                if (poll % THREAD_POLL_EVERY == 0) {
                    threads.poll();
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly().waitFor();
                    throw new IOException("no exit after " + timeoutSeconds + " s: " + String.join(" ", command));
                }
            }
            long wall = System.nanoTime() - start;
            return new JvmRun(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                    process.exitValue(), wall, cpu,
                    launched.getEpochSecond() * 1_000_000L + launched.getNano() / 1_000, threads.seconds(),
                    threads.waitingSeconds());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Fails with the child's stderr when it did not exit 0. */
    public JvmRun checked(List<String> command) throws IOException {
        if (exitCode != 0) {
            throw new IOException("exit " + exitCode + " from " + String.join(" ", command) + "\n" + stderr);
        }
        return this;
    }
}
