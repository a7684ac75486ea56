package dev.evtrace.agent;

import dev.evtrace.agent.startup.InstrumentationCandidates;
import dev.evtrace.agent.startup.LoadGate;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
        Class<?>[] loadedBefore = atLaunch ? inst.getAllLoadedClasses() : null;
        AtomicReference<Runnable> finish = new AtomicReference<>();
        Thread starter = new Thread(() -> {
            try {
                BootstrapClasses.define(inst);
                // A separate class: nothing may load a bootstrap class before the jar above is appended.
                finish.set(AgentStarter.start(config, inst, gate, () -> candidates.amongLoaded(
                        loadedBefore != null ? loadedBefore : inst.getAllLoadedClasses()), stderr));
                gate.instrumentPassedClasses(inst);
                gate.open();
                gate.instrumentPassedClassesStillLoading(inst);
            } catch (Throwable t) {
                inst.removeTransformer(gate);
                stderr.println("tracer: cannot start (" + t + "); running untraced");
            } finally {
                gate.open();
            }
        }, "tracer-start");
        starter.setDaemon(true);
        gate.exempt(starter);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                starter.join(START_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runnable f = finish.get();
            if (f != null) {
                f.run();
            }
        }, "tracer-shutdown"));
        starter.start();
    }
}
