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
            // No lambda or stream before main: a JVM's first lambda costs its start 10 ms (BENCHMARKS.md, session 20).
            Map<String, String> props = new HashMap<>();
            for (Map.Entry<Object, Object> p : System.getProperties().entrySet()) {
                props.put(String.valueOf(p.getKey()), String.valueOf(p.getValue()));
            }
            Config config = Config.load(agentArgs, props, System.getenv());
            for (String warning : config.warnings()) {
                System.err.println("tracer: " + warning);
            }
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
