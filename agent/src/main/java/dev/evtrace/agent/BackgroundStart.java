package dev.evtrace.agent;

import dev.evtrace.agent.startup.InstrumentationCandidates;
import dev.evtrace.agent.startup.LoadGate;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.TimeUnit;

/**
 * Premain's share of the start-up, kept to what must happen before {@code main}: the {@link LoadGate}, the
 * shutdown hook, and a thread that does the rest ({@link BootstrapClasses}, {@link AgentStarter}: the store and
 * Byte Buddy's installation, about half a second of class loading) while the program starts. The gate holds
 * the classes that may need instrumenting until that thread is done, so no event is missed.
 */
final class BackgroundStart {
    /** How long the shutdown hook waits for a start that is still going on: as long as it waits for a flush. */
    private static final long START_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(60);

    private BackgroundStart() {}

    /**
     * @param atLaunch false when attached to a running program: nothing is held then, and every class loaded
     *                 that may need instrumenting is retransformed (holding classes there could hold one that a
     *                 thread is linking when it is retransformed)
     */
    static void start(Config config, Instrumentation inst, boolean atLaunch, PrintStream stderr) {
        InstrumentationCandidates candidates = InstrumentationCandidates.of(config);
        LoadGate gate = new LoadGate(candidates, stderr);
        if (!atLaunch) {
            gate.open();
        }
        inst.addTransformer(gate, true);
        Starter start = new Starter(config, inst, gate, candidates, atLaunch ? inst.getAllLoadedClasses() : null, stderr);
        Thread starter = new Thread(start, "tracer-start");
        starter.setDaemon(true);
        gate.exempt(starter);
        Runtime.getRuntime().addShutdownHook(new Thread(new Finish(starter, start), "tracer-shutdown"));
        starter.start();
    }

    /**
     * The rest of the start, on a thread of its own. Classes rather than lambdas, here and below: a JVM's first
     * lambda costs it ~10 ms, which premain would pay on the program's thread before {@code main} (BENCHMARKS.md,
     * session 20); the agent's own first lambda then comes on this thread.
     */
    private static final class Starter implements Runnable {
        private final Config config;
        private final Instrumentation inst;
        private final LoadGate gate;
        private final InstrumentationCandidates candidates;
        private final Class<?>[] loadedBefore;
        private final PrintStream stderr;
        private volatile Runnable finish;

        Starter(Config config, Instrumentation inst, LoadGate gate, InstrumentationCandidates candidates,
                Class<?>[] loadedBefore, PrintStream stderr) {
            this.config = config;
            this.inst = inst;
            this.gate = gate;
            this.candidates = candidates;
            this.loadedBefore = loadedBefore;
            this.stderr = stderr;
        }

        @Override
        public void run() {
            try {
                BootstrapClasses.define(inst);
                // A separate class: nothing may load a bootstrap class before the jar above is appended.
                finish = AgentStarter.start(config, inst, gate, () -> candidates.amongLoaded(
                        loadedBefore != null ? loadedBefore : inst.getAllLoadedClasses()), stderr);
                gate.instrumentPassedClasses(inst);
                gate.open();
                gate.instrumentPassedClassesStillLoading(inst);
            } catch (Throwable t) {
                inst.removeTransformer(gate);
                stderr.println("tracer: cannot start (" + t + "); running untraced");
            } finally {
                gate.open();
            }
        }
    }

    /** At exit: waits for a start still going on, then completes what it started (the store's files). */
    private static final class Finish implements Runnable {
        private final Thread starter;
        private final Starter start;

        Finish(Thread starter, Starter start) {
            this.starter = starter;
            this.start = start;
        }

        @Override
        public void run() {
            try {
                starter.join(START_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runnable f = start.finish;
            if (f != null) {
                f.run();
            }
        }
    }
}
