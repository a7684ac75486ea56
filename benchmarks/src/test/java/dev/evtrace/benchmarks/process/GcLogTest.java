package dev.evtrace.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcLogTest {
    @Test
    void takesTheLargestHeapAfterAnyCollectionAndTheLargestCommitted() {
        String log = """
                [0.010s][info][gc] Using G1
                [0.812s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->4M(256M) 2.103ms
                [1.020s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 90M->61M(388M) 3.001ms
                [1.030s][info][gc] GC(2) Concurrent Mark Cycle
                [1.400s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 120M->12M(300M) 1.500ms
                """;
        assertThat(GcLog.parse(log)).isEqualTo(new GcLog(61L << 20, 388L << 20));
    }

    @Test
    void hasNoFiguresWithoutACollection() {
        assertThat(GcLog.parse("[0.010s][info][gc] Using G1\n")).isEqualTo(new GcLog(-1, -1));
    }
}
