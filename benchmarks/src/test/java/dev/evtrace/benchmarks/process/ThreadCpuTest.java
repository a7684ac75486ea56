package dev.evtrace.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void readsNothingOfAProcessThatIsGone() {
        ThreadCpu cpu = new ThreadCpu(Path.of("/nonexistent/task"));
        cpu.poll();
        assertThat(cpu.seconds()).isEmpty();
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
