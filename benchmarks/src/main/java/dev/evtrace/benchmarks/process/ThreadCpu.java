package dev.evtrace.benchmarks.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The CPU time of a running child JVM's threads, by what they do, from Linux's {@code /proc/<pid>/task}: each
 * thread's name ({@code comm}, the JVM's thread name cut to 15 characters), its nanoseconds on a CPU (the
 * first field of {@code schedstat}) and its nanoseconds runnable but waiting for one (the second). The total CPU
 * of a run hides where tracing's cost lands: on a two-core machine the program's own thread is what the elapsed
 * time follows, while the JIT compilers and the writer mostly share the second core, and when they need more
 * than that core the program's thread waits in the run queue. Each {@link #poll} keeps the latest reading of
 * every thread seen, so a thread that ends between two polls keeps what it had by the earlier one. Elsewhere
 * than on Linux it reads nothing.
 */
public final class ThreadCpu {
    /** What a thread is for, by its name. */
    public enum Group {
        PROGRAM("program"), JIT("JIT compilers"), GC("GC"), JVM("other JVM threads"), WRITER("tracer writer"),
        AGENT("tracer start-up");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Group of(String threadName) {
            if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
                return JIT;
            }
            if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
                return GC;
            }
            if (threadName.startsWith("tracer-writer")) {
                return WRITER;
            }
            if (threadName.startsWith("tracer-")) {
                return AGENT;
            }
            return switch (threadName) {
                case "VM Thread", "Reference Handl", "Finalizer", "Signal Dispatch", "Service Thread",
                     "Monitor Deflati", "Sweeper thread", "Common-Cleaner", "Notification Th", "Attach Listener",
                     "VM Periodic Tas" -> JVM;
                default -> PROGRAM;
            };
        }
    }

    private final Path tasks;
    private final Map<String, Reading> threads = new HashMap<>();

    private record Reading(String name, long nanos, long waitingNanos) {}

    public ThreadCpu(long pid) {
        this(Path.of("/proc", Long.toString(pid), "task"));
    }

    ThreadCpu(Path tasks) {
        this.tasks = tasks;
    }

    /** Reads every thread's CPU time now; a thread or a process that is gone is skipped. */
    public void poll() {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
            for (Path dir : dirs) {
                try {
                    String name = Files.readString(dir.resolve("comm"), StandardCharsets.UTF_8).strip();
                    String[] schedstat = Files.readString(dir.resolve("schedstat"), StandardCharsets.US_ASCII)
                            .strip().split(" ");
                    threads.put(dir.getFileName().toString(),
                            new Reading(name, Long.parseLong(schedstat[0]), Long.parseLong(schedstat[1])));
                } catch (IOException | RuntimeException e) {
                    // The thread ended while it was read.
                }
            }
        } catch (IOException e) {
            // Not Linux, or the process has exited.
        }
    }

    /** Seconds of CPU per group, from the latest readings; empty when nothing could be read. */
    public Map<Group, Double> seconds() {
        return byGroup(Reading::nanos);
    }

    /** Seconds runnable but waiting for a CPU, per group, from the latest readings; empty as {@link #seconds()}. */
    public Map<Group, Double> waitingSeconds() {
        return byGroup(Reading::waitingNanos);
    }

    private Map<Group, Double> byGroup(ToLongFunction<Reading> nanos) {
        Map<Group, Double> seconds = new EnumMap<>(Group.class);
        for (Reading r : threads.values()) {
            seconds.merge(Group.of(r.name()), nanos.applyAsLong(r) / 1e9, Double::sum);
        }
        return seconds;
    }
}
