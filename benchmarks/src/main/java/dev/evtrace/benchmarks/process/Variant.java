package dev.evtrace.benchmarks.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How the sample JVM is started: without the agent, with it, or with it attached but turned off. */
public enum Variant {
    UNTRACED("untraced"),
    TRACED("traced"),
    /** The agent is on the command line but {@code tracer.enabled=false}: issue 7 allows it 0.5%. */
    DISABLED("disabled");

    private final String label;

    Variant(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The JVM options this variant adds: the agent, its settings, a store of its own. */
    public List<String> jvmOptions(Path tracerJar, Path tracerConfig, Path store) {
        List<String> options = new ArrayList<>();
        if (this == UNTRACED) {
            return options;
        }
        options.add("-javaagent:" + tracerJar);
        options.add("-Dtracer.config=" + tracerConfig);
        options.add("-Dtracer.store=" + store);
        if (this == DISABLED) {
            options.add("-Dtracer.enabled=false");
        }
        return options;
    }

    /** All variants, starting at {@code round}'s turn, so that no variant always runs first. */
    public static List<Variant> inTurn(int round) {
        Variant[] all = values();
        List<Variant> order = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            order.add(all[(round + i) % all.length]);
        }
        return order;
    }
}
