package dev.evtrace.benchmarks;

import dev.evtrace.agent.bootstrap.Tracer;
import dev.evtrace.benchmarks.bus.DeferredBenchmarkEvent;
import dev.evtrace.benchmarks.bus.Handler;
import dev.evtrace.benchmarks.bus.Handlers;
import dev.evtrace.benchmarks.bus.QueueBus;
import dev.evtrace.benchmarks.bus.QueuedBus;
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
 * The hot path of a queued bus: one event published (kept by the bus) and then delivered to 1 or 3 handlers
 * outside its publish, as the sample's queued mode does, untraced or traced into a ring that a stand-in writer
 * drains (as in {@link PublishBenchmark}). The event is of a class the agent has woven to carry its id and run
 * from its publish to its deliveries. One op is one event; each of its deliveries is a record of its own.
 *
 * <p>Run it, from the repository root after {@code mvn -B -q package -DskipTests} (about 2 minutes):
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar QueuedDeliveryBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class QueuedDeliveryBenchmark {
    @Param({"1", "3"})
    public int handlers;

    @Param({"untraced", "traced"})
    public String tracing;

    private final DeferredBenchmarkEvent event = new DeferredBenchmarkEvent();
    private QueuedBus bus;
    private Handler[] subscribed;
    private RingDrainer drainer;

    @Setup(Level.Trial)
    public void setUp() {
        boolean traced = tracing.equals("traced");
        bus = Weaving.newInstance(QueueBus.class, QueuedBus.class, traced);
        subscribed = Handlers.subscribe(bus, handlers, traced);
        if (traced) {
            drainer = RingDrainer.recording(65_536);
            drainer.start();
        } else {
            Tracer.start(null);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        if (drainer != null && drainer.finish() < subscribed[0].handled() * (handlers + 1)) {
            throw new IllegalStateException("fewer records than events and deliveries: not every one was traced");
        }
        if (subscribed[0].handled() == 0) {
            throw new IllegalStateException("no event reached a handler");
        }
    }

    @Benchmark
    public void publishThenDeliver() {
        bus.publish(event);
        bus.deliver();
    }
}
