package dev.evtrace.benchmarks;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.Payload;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.journal.Journal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The crash-safe journal's cost on the writer thread: one bar event (a symbol, four prices, a volume) and its
 * four deliveries appended, emptied at 64 MB as the writer's rolls would. Measured under C1, which compiles the
 * writer's code in a traced JVM (tracer.writer.c2=false, the default), and under C2, which compiles it when the
 * writer falls behind; under C1 also the event alone and the four deliveries alone, to tell their shares.
 *
 * <p>Run it, from the repository root after {@code mvn -B -q install -DskipTests} (about a minute):
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JournalBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class JournalBenchmark {
    private static final int ROWS = 4_096;
    private static final int HANDLERS = 4;
    private static final long EMPTIED_AT = 64L << 20;

    private final TracedEvent[] events = new TracedEvent[ROWS];
    private final Delivery[] deliveries = new Delivery[ROWS * HANDLERS];
    private Path dir;
    private Journal journal;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String run = "backtest_20261207_000000_0a1b2c3d";
        String[] handlers = {"com.acme.Strategy", "com.acme.Portfolio", "com.acme.Broker", "com.acme.Performance"};
        SplittableRandom random = new SplittableRandom(42);
        long t0 = 1_765_000_000_000_000L;
        Payload previous = Payload.empty();
        for (int i = 0; i < ROWS; i++) {
            double close = 100 + random.nextInt(10_000) / 100.0;
            // As the agent's writer makes them: each bar's payload shares its keys and kinds with the one before.
            Payload bar = Payload.builderLike(previous, 6).text("symbol", "SYM" + i % 20)
                    .doubleValue("open", close - 0.25)
                    .doubleValue("high", close + 0.5).doubleValue("low", close - 0.5).doubleValue("close", close)
                    .longValue("volume", random.nextInt(1_000_000)).build();
            previous = bar;
            long t = t0 + i * 10L;
            events[i] = new TracedEvent(i, "BAR", t, run, i - 1, "com.acme.Feed", t, t, t + 1, t + 9, bar,
                    TracedEvent.CURRENT_VERSION, i, "");
            for (int h = 0; h < HANDLERS; h++) {
                deliveries[i * HANDLERS + h] = new Delivery(run, i, "BAR", handlers[h], "main", t + 1 + 2L * h,
                        t + 2 + 2L * h, false);
            }
        }
        dir = Files.createTempDirectory("journal-benchmark");
        journal = Journal.create(dir, "writer");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        journal.delete();
        Files.deleteIfExists(dir);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-XX:TieredStopAtLevel=1")
    public void eventWithFourDeliveriesUnderC1() throws IOException {
        append();
    }

    @Benchmark
    @Fork(1)
    public void eventWithFourDeliveriesUnderC2() throws IOException {
        append();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-XX:TieredStopAtLevel=1")
    public void eventAloneUnderC1() throws IOException {
        int i = advance();
        journal.append(events[i]);
        emptyWhenFull();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-XX:TieredStopAtLevel=1")
    public void fourDeliveriesAloneUnderC1() throws IOException {
        int i = advance();
        for (int h = 0; h < HANDLERS; h++) {
            journal.append(deliveries[i * HANDLERS + h]);
        }
        emptyWhenFull();
    }

    private void append() throws IOException {
        int i = advance();
        for (int h = 0; h < HANDLERS; h++) {
            journal.append(deliveries[i * HANDLERS + h]);
        }
        journal.append(events[i]);
        emptyWhenFull();
    }

    private int advance() {
        int i = next;
        next = (i + 1) & (ROWS - 1);
        return i;
    }

    private void emptyWhenFull() {
        if (journal.bytes() > EMPTIED_AT) {
            journal.checkpoint(0, 0);
        }
    }
}
