package dev.evtrace.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Writer ids that never collide between processes or machines writing one dataset. */
public final class WriterIds {
    private WriterIds() {}

    public static String newId() {
        return StoreLayout.escape(hostName()) + "-" + pid() + "-"
                + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    /**
     * This process's id, from {@code /proc/self} where there is one: {@link ProcessHandle} starts a thread pool
     * as it loads (15 ms), and in a traced program it loads the JDK's executors on the tracer's own thread, which
     * the start-up gate must then instrument before the program may go on.
     */
    public static long pid() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().pid();
        }
    }

    /**
     * The machine's name, from the kernel where it says (Linux): {@link InetAddress#getLocalHost()} also looks
     * the name up, which on a host with a misconfigured resolver takes seconds, while a traced program waits for
     * the writer to start.
     */
    static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
