package dev.evtrace.agent.startup;

/**
 * Classes never instrumented, decided by name alone: the JDK (but for its executors in
 * {@code java.util.concurrent}, which carry the context to pooled threads), and the agent itself with the
 * libraries it shades. Shared by the installer and the start-up gate, so the two never disagree.
 */
public final class IgnoredTypes {
    private IgnoredTypes() {}

    /** @param name a binary name, {@code java.util.ArrayList} */
    public static boolean isIgnored(String name) {
        return name.startsWith("java.") ? !name.startsWith("java.util.concurrent.")
                : name.startsWith("jdk.") || name.startsWith("sun.") || name.startsWith("com.sun.")
                || name.startsWith("dev.evtrace.");
    }
}
