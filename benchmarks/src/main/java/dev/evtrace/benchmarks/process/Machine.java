package dev.evtrace.benchmarks.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How busy the machine is, printed beside each round: other work on a small machine shows in every figure. */
public final class Machine {
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private Machine() {}

    /** The 1-minute load average, or "n/a" where the system does not say. */
    public static String loadAverage() {
        try {
            return Files.readString(LOADAVG).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
