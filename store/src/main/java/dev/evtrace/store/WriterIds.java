package dev.evtrace.store;

import java.net.InetAddress;
import java.util.concurrent.ThreadLocalRandom;

/** Writer ids that never collide between processes or machines writing one dataset. */
public final class WriterIds {
    private WriterIds() {}

    public static String newId() {
        return StoreLayout.escape(hostName()) + "-" + ProcessHandle.current().pid() + "-"
                + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
