package dev.evtrace.agent;

import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code -javaagent} entry point. It never throws into the host: a bad setting or any failure prints one
 * {@code tracer:} line on stderr and the program runs untraced.
 */
public final class TracerAgent {
    private TracerAgent() {}

    public static void premain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, true);
    }

    public static void agentmain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, false);
    }

    private static void start(String agentArgs, Instrumentation inst, boolean atLaunch) {
        try {
            Map<String, String> props = new HashMap<>();
            System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
            Config config = Config.load(agentArgs, props, System.getenv());
            config.warnings().forEach(w -> System.err.println("tracer: " + w));
            if (!config.enabled()) {
                return;
            }
            BackgroundStart.start(config, inst, atLaunch, System.err);
        } catch (ConfigException e) {
            System.err.println("tracer: " + e.getMessage() + "; running untraced");
        } catch (Throwable t) {
            System.err.println("tracer: cannot start (" + t + "); running untraced");
        }
    }
}
