package dev.evtrace.agent.writer;

import dev.evtrace.agent.Config.PayloadMode;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the writer thread reads of an event before it writes its row: the payload's fields
 * ({@code tracer.payload=fields}), its type ({@code tracer.event.type=getType}) and its own time
 * ({@code tracer.event.timestamp=getTimestamp}), for an event shaped as the sample's bar (a symbol, four prices, a
 * volume, and its type and time in a superclass). In this package because those readers are the writer's own, not an API. Measured under C1 at
 * its full tier and at its profiling tier, where the writer's code runs in a traced JVM (tracer.writer.c2=false, the
 * default; a method stays at the profiling tier until C2 has refused it), and under C2.
 *
 * <p>Run it, from the repository root after {@code mvn -B -q package -DskipTests} (about a minute):
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EventReadingBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class EventReadingBenchmark {
    private static final int EVENTS = 4_096;

    enum Type { BAR }

    abstract static class Event {
        private final Type type;
        private final long timestamp;

        Event(Type type, long timestamp) {
            this.type = type;
            this.timestamp = timestamp;
        }

        public Type getType() {
            return type;
        }

        public long getTimestamp() {
            return timestamp;
        }
    }

    static final class BarEvent extends Event {
        private final String symbol;
        private final double open;
        private final double high;
        private final double low;
        private final double close;
        private final long volume;

        /** The {@code i}th bar of 20 symbols a minute apart, its prices in cents as the sample's are. */
        BarEvent(int i, SplittableRandom random) {
            super(Type.BAR, 1_765_000_000_000L + i * 60_000L);
            symbol = "SYM" + i % 20;
            close = 100 + random.nextInt(10_000) / 100.0;
            open = close - 0.25;
            high = close + 0.5;
            low = close - 0.5;
            volume = random.nextInt(1_000_000);
        }
    }

    private final BarEvent[] bars = new BarEvent[EVENTS];
    private final Payloads payloads = new Payloads(PayloadMode.FIELDS);
    private final EventTypes types = new EventTypes("getType", System.err::println);
    private final EventTimes times = new EventTimes("getTimestamp", System.err::println);
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < EVENTS; i++) {
            bars[i] = new BarEvent(i, random);
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-XX:TieredStopAtLevel=1")
    public void barUnderC1(Blackhole out) {
        read(out);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-XX:TieredStopAtLevel=3")
    public void barUnderC1Profiling(Blackhole out) {
        read(out);
    }

    @Benchmark
    @Fork(1)
    public void barUnderC2(Blackhole out) {
        read(out);
    }

    private void read(Blackhole out) {
        BarEvent bar = bars[next];
        next = (next + 1) & (EVENTS - 1);
        out.consume(payloads.of(bar));
        out.consume(types.typeOf(bar));
        out.consume(times.timeOf(bar, 0));
    }
}
