package dev.evtrace.benchmarks;

import dev.evtrace.agent.bootstrap.Tracer;
import dev.evtrace.benchmarks.bus.Bus;
import dev.evtrace.benchmarks.bus.Handler;
import dev.evtrace.benchmarks.bus.Handlers;
import dev.evtrace.benchmarks.bus.ListBus;
import dev.evtrace.benchmarks.bus.RingDrainer;
import dev.evtrace.benchmarks.bus.Weaving;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot path: one publish on a synchronous bus with 1 or 3 handler deliveries, without the tracer
 * ({@code untraced}), with the advice woven but no recording started ({@code idle}), and with the advice
 * recording every event into a ring that a stand-in writer thread drains ({@code traced}: full capture, all
 * four timestamps). One op is one event. Issue 7's goals: traced minus untraced at most 150 ns with one
 * handler, at most 60 ns more for each further delivery, and no allocation on the publishing thread.
 * {@code traced-samethread} is a diagnostic: the same recording, but the publishing thread itself drains the
 * ring every 4,096 events, so no cache line travels between cores; what {@code traced} costs beyond it is
 * the producer and the consumer sharing the ring's cache lines.
 *
 * <p>Run it, from the repository root after {@code mvn -B -q install -DskipTests} (about 3 minutes on 2 cores):
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PublishBenchmark -prof gc
 * </pre>
 * or in interleaved rounds with a summary against issue 7's goals (see {@link HotPath}):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.evtrace.benchmarks.HotPath --rounds 3 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PublishBenchmark {
    /** traced-samethread: events between two drains on the publishing thread. */
    private static final int DRAIN_EVERY = 4_096;

    @Param({"1", "3"})
    public int handlers;

    @Param({"untraced", "idle", "traced", "traced-samethread"})
    public String tracing;

    /** Ring slots: the agent's default tracer.buffer.size, unless a run asks for others ({@code -p ring=8192}). */
    @Param({"65536"})
    public int ring;

    private final Object event = new Object();
    private Bus bus;
    private Handler[] subscribed;
    private RingDrainer drainer;
    private boolean drainHere;
    private int sinceDrain;

    @Setup(Level.Trial)
    public void setUp() {
        boolean advice = !tracing.equals("untraced");
        bus = Weaving.newInstance(ListBus.class, Bus.class, advice);
        subscribed = Handlers.subscribe(bus, handlers, advice);
        if (tracing.startsWith("traced")) {
            drainer = RingDrainer.recording(ring);
            drainHere = tracing.equals("traced-samethread");
            if (!drainHere) {
                drainer.start();
            }
        } else {
            Tracer.start(null);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        Tracer.start(null);
        if (drainer != null && !drainHere) {
            drainer.finish();
        }
        if (subscribed[0].handled() == 0) {
            throw new IllegalStateException("no event reached a handler");
        }
    }

    @Benchmark
    public void publish() {
        bus.publish(event);
        if (drainHere && ++sinceDrain == DRAIN_EVERY) {
            sinceDrain = 0;
            drainer.drainHere();
        }
    }
}
