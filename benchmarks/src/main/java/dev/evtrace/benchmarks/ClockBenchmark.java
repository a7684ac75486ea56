package dev.evtrace.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The price of one timestamp on this machine: the tracer's clock reads {@link System#nanoTime()}, and a traced
 * event with one handler takes three readings (created, received, processed), plus one for each further
 * delivery. Read against {@link PublishBenchmark}'s budget of 150 ns per event and 60 ns per further delivery.
 *
 * <p>Run it, from the repository root after {@code mvn -B -q install -DskipTests} (about 20 seconds):
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ClockBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClockBenchmark {
    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }
}
