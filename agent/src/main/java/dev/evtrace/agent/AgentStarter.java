package dev.evtrace.agent;

import dev.evtrace.agent.bootstrap.EventRing;
import dev.evtrace.agent.bootstrap.Recording;
import dev.evtrace.agent.bootstrap.RunState;
import dev.evtrace.agent.bootstrap.Tracer;
import dev.evtrace.agent.startup.LoadGate;
import dev.evtrace.agent.writer.EventTypes;
import dev.evtrace.agent.writer.StoreWriter;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Starts a recording: the ring, the writer thread (which opens the store at once), then the instrumentation.
 * It runs on the {@link BackgroundStart} thread, after the bootstrap package is on the boot class path.
 */
final class AgentStarter {
    private static final long SHUTDOWN_FLUSH_MILLIS = TimeUnit.SECONDS.toMillis(60);

    private AgentStarter() {}

    /**
     * The writer is set up on a thread of its own, beside the installation: the program may be waiting at the
     * gate for the installation, not for the writer.
     *
     * @param loadedCandidates those of the classes already loaded that may need instrumenting, asked for once
     *                         the gate has the instrumentation: every class loaded later is instrumented as it loads
     *
     * @return what the shutdown hook runs: drain the ring, complete the store, say what was written
     */
    static Runnable start(Config config, Instrumentation inst, LoadGate gate, Supplier<List<Class<?>>> loadedCandidates,
                          PrintStream stderr)
            throws InterruptedException, ExecutionException {
        String correlationId = config.correlationId().isEmpty() ? newCorrelationId() : config.correlationId();
        EventTypes types = new EventTypes(config.eventType(), message -> stderr.println("tracer: " + message));
        Recording recording = new Recording(new EventRing(config.bufferSize()), correlationId, runIds(config),
                event -> config.critical().contains(types.typeOf(event)), config.dropWhenFull(), config.deliveries(),
                config.sharedDeliveryClock(), new EventClassFilter(config.eventClass()));
        InstrumentationReport report = new InstrumentationReport();
        String runs = config.runs().isEmpty() ? "run " + correlationId : "a run per call of " + config.runs();
        FutureTask<StoreWriter> writerStart = new FutureTask<>(() -> {
            WriterCompilation.limitToC1(inst, !config.writerC2());
            StoreWriter w = new StoreWriter(config, recording, types, stderr, () -> stderr.println(
                    "tracer: instrumented " + describe(config, report) + ", store " + config.store() + ", " + runs));
            gate.exempt(w.thread());
            w.start();
            return w;
        });
        Thread writerStarter = new Thread(writerStart, "tracer-writer-start");
        gate.exempt(writerStarter);
        writerStarter.start();
        Tracer.start(recording);
        gate.install(Installer.weaver(config, report, stderr));
        gate.retransform(inst, loadedCandidates.get());
        StoreWriter writer = writerStart.get();
        return () -> finish(config, recording, writer, report, stderr);
    }

    /** The seed's format: backtest_<yyyyMMdd_HHmmss>_<8 hex>. */
    static String newCorrelationId() {
        return "backtest_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    /** Ids of runs started at a run boundary: fresh ones, or the fixed id numbered when one is configured. */
    private static Supplier<String> runIds(Config config) {
        if (config.correlationId().isEmpty()) {
            return AgentStarter::newCorrelationId;
        }
        AtomicLong n = new AtomicLong();
        return () -> config.correlationId() + "-" + n.incrementAndGet();
    }

    private static String describe(Config config, InstrumentationReport report) {
        String publish = config.publish().size() == 1 ? config.publish().get(0).toString()
                : config.publish().size() + " publish methods";
        String runs = config.runs().isEmpty() ? "" : ", " + report.runTypeCount() + " run boundaries";
        return publish + " (" + report.publishTypeCount() + " bus classes), "
                + report.handlerTypeCount() + " handler classes" + runs;
    }

    private static void finish(Config config, Recording recording, StoreWriter writer, InstrumentationReport report,
                               PrintStream stderr) {
        try {
            writer.stop(SHUTDOWN_FLUSH_MILLIS);
            if (report.publishTypeCount() == 0) {
                stderr.println("tracer: no class with " + config.publish() + " was loaded; nothing was traced");
            }
            List<RunState> traced = recording.runs().stream().filter(r -> r.published() > 0).toList();
            String runs = traced.size() == 1 ? "run " + traced.get(0).correlationId() : traced.size() + " runs";
            String sampled = config.sampleRate() < 1 ? writer.sampledOut() + " sampled out, " : "";
            long cpu = writer.cpuNanos();
            // No per-event figure: the writer's start (the store's opening, its warm-up) is most of a short run's.
            String writerCpu = cpu < 0 ? "" : String.format(Locale.ROOT, ", the writer's CPU %.2f s", cpu / 1e9);
            stderr.printf("tracer: %d events written to %s (%s), %s%d dropped, %d ms waiting for buffer space%s%n",
                    writer.written(), config.store(), runs, sampled,
                    recording.published() - writer.written() - writer.sampledOut(),
                    TimeUnit.NANOSECONDS.toMillis(recording.ring().blockedNanos()), writerCpu);
        } catch (Throwable t) {
            stderr.println("tracer: cannot flush the store (" + t + ")");
        }
    }
}
