package dev.evtrace.benchmarks.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A main that does nothing but print the wall-clock time at which it was entered, in microseconds since the
 * epoch. The harness starts it with and without the agent and subtracts the time it launched the process:
 * what the agent adds to that is its premain. Self-contained (the JDK only), so it runs from a bare
 * class directory.
 */
public final class TimeToMain {
    public static final String PREFIX = "main entered at micros: ";

    private TimeToMain() {}

    /** Writes this class's file alone under {@code dir}, and returns {@code dir}: a class path with nothing else to open. */
    public static Path classDirectory(Path dir) throws IOException {
        String resource = TimeToMain.class.getName().replace('.', '/') + ".class";
        Path file = dir.resolve(resource);
        Files.createDirectories(file.getParent());
        try (InputStream in = TimeToMain.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("cannot find " + resource + " on the class path");
            }
            Files.copy(in, file);
        }
        return dir;
    }

    public static void main(String[] args) {
        Instant now = Instant.now();
        System.out.println(PREFIX + (now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000));
    }
}
