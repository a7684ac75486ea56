package dev.evtrace.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadCpuTest {
    @Test
    void groupsThreadsByTheNamesTheJvmAndTheAgentGiveThem() {
        assertThat(ThreadCpu.Group.of("C2 CompilerThre")).isEqualTo(ThreadCpu.Group.JIT);
        assertThat(ThreadCpu.Group.of("C1 CompilerThre")).isEqualTo(ThreadCpu.Group.JIT);
        assertThat(ThreadCpu.Group.of("GC Thread#1")).isEqualTo(ThreadCpu.Group.GC);
        assertThat(ThreadCpu.Group.of("G1 Conc#0")).isEqualTo(ThreadCpu.Group.GC);
        assertThat(ThreadCpu.Group.of("tracer-writer")).isEqualTo(ThreadCpu.Group.WRITER);
        assertThat(ThreadCpu.Group.of("tracer-writer-s")).isEqualTo(ThreadCpu.Group.WRITER);
        assertThat(ThreadCpu.Group.of("tracer-start")).isEqualTo(ThreadCpu.Group.AGENT);
        assertThat(ThreadCpu.Group.of("VM Thread")).isEqualTo(ThreadCpu.Group.JVM);
        assertThat(ThreadCpu.Group.of("java")).isEqualTo(ThreadCpu.Group.PROGRAM);
        assertThat(ThreadCpu.Group.of("pool-1-thread-3")).isEqualTo(ThreadCpu.Group.PROGRAM);
    }

    @Test
    void readsTheCpuOfARunningJvmsThreadsFromProc() throws InterruptedException {
        Path tasks = Path.of("/proc", Long.toString(ProcessHandle.current().pid()), "task");
        assumeTrue(Files.isDirectory(tasks), "Linux only");
        ThreadCpu cpu = new ThreadCpu(ProcessHandle.current().pid());
        Thread polled = new Thread(() -> {
            spin();
            cpu.poll();
        }, "tracer-writer");
        polled.start();
        polled.join();

        Map<ThreadCpu.Group, Double> seconds = cpu.seconds();
        // The writer-named thread alive at the poll spun for 50 ms; the test's own thread ran the JVM's start.
        assertThat(seconds.get(ThreadCpu.Group.WRITER)).isGreaterThanOrEqualTo(0.04);
        assertThat(seconds.get(ThreadCpu.Group.PROGRAM)).isPositive();
        assertThat(seconds.get(ThreadCpu.Group.JIT)).isPositive();
    }

    @Test
    void addsUpEachGroupsTimeOnACpuAndWaitingForOne(@TempDir Path tasks) throws IOException {
        task(tasks, "101", "java", "2000000000 500000000 40");
        task(tasks, "102", "pool-1-thread-1", "1000000000 250000000 12");
        task(tasks, "103", "C2 CompilerThre", "3000000000 900000000 70");
        ThreadCpu cpu = new ThreadCpu(tasks);
        cpu.poll();

        assertThat(cpu.seconds()).containsExactlyInAnyOrderEntriesOf(Map.of(
                ThreadCpu.Group.PROGRAM, 3.0, ThreadCpu.Group.JIT, 3.0));
        assertThat(cpu.waitingSeconds()).containsExactlyInAnyOrderEntriesOf(Map.of(
                ThreadCpu.Group.PROGRAM, 0.75, ThreadCpu.Group.JIT, 0.9));
    }

    @Test
    void aThreadThatEndsKeepsItsLastReading(@TempDir Path tasks) throws IOException {
        task(tasks, "101", "java", "2000000000 500000000 40");
        ThreadCpu cpu = new ThreadCpu(tasks);
        cpu.poll();
        Files.walk(tasks.resolve("101")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        cpu.poll();

        assertThat(cpu.waitingSeconds()).containsEntry(ThreadCpu.Group.PROGRAM, 0.5);
    }

    @Test
    void readsNothingOfAProcessThatIsGone() {
        ThreadCpu cpu = new ThreadCpu(Path.of("/nonexistent/task"));
        cpu.poll();
        assertThat(cpu.seconds()).isEmpty();
    }

    /** A thread's entry as Linux writes it: {@code comm} ends in a newline, {@code schedstat} is three numbers. */
    private static void task(Path tasks, String tid, String name, String schedstat) throws IOException {
        Path dir = Files.createDirectories(tasks.resolve(tid));
        Files.writeString(dir.resolve("comm"), name + "\n");
        Files.writeString(dir.resolve("schedstat"), schedstat + "\n");
    }

    /** Busy for 50 ms of its own CPU time. */
    private static void spin() {
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = bean.getCurrentThreadCpuTime() + 50_000_000L;
        while (bean.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
    }
}
