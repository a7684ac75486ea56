package dev.evtrace.benchmarks;

import io.airlift.compress.zstd.PageZstd;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
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

/**
 * ZSTD on the store's pages, as the writer compresses each ({@link PageZstd}, its working memory kept from page to
 * page): a page of 8,192 delivery times (microseconds a few apart, delta-packed as the store writes them) and a page
 * of 8,192 plain prices in cents (20 symbols' random walks, compressed as fixed-width numbers). Measured under C1,
 * which compiles the writer's code in a traced JVM (tracer.writer.c2=false, the default), and under C2.
 *
 * <p>Run it, from the repository root after {@code mvn -B -q package -DskipTests} (about a minute):
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PageCompressionBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class PageCompressionBenchmark {
    private static final int ROWS = 8_192;
    private static final int SYMBOLS = 20;

    private final PageZstd zstd = new PageZstd();
    private byte[] times;
    private byte[] prices;
    private byte[] out;

    @Setup
    public void setUp() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        DeltaBinaryPackingValuesWriterForLong delta = new DeltaBinaryPackingValuesWriterForLong(256, 64 * 1024,
                HeapByteBufferAllocator.getInstance());
        long at = 1_765_000_000_000_000L;
        for (int i = 0; i < ROWS; i++) {
            at += 1 + random.nextInt(12);
            delta.writeLong(at);
        }
        times = delta.getBytes().toByteArray();
        ByteBuffer plain = ByteBuffer.allocate(ROWS * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long[] cents = new long[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            cents[s] = 5_000 + random.nextInt(20_000);
        }
        for (int i = 0; i < ROWS; i++) {
            int s = i % SYMBOLS;
            cents[s] = Math.max(1, cents[s] + random.nextInt(-25, 26));
            plain.putDouble(cents[s] / 100.0);
        }
        prices = plain.array();
        out = new byte[new ZstdCompressor().maxCompressedLength(prices.length)];
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-XX:TieredStopAtLevel=1")
    public int deltaPackedTimesUnderC1() {
        return zstd.compress(times, 0, times.length, out, 0, out.length);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-XX:TieredStopAtLevel=1")
    public int plainPricesUnderC1() {
        return zstd.compressFixedWidth(prices, 0, prices.length, out, 0, out.length);
    }

    @Benchmark
    @Fork(1)
    public int deltaPackedTimesUnderC2() {
        return zstd.compress(times, 0, times.length, out, 0, out.length);
    }

    @Benchmark
    @Fork(1)
    public int plainPricesUnderC2() {
        return zstd.compressFixedWidth(prices, 0, prices.length, out, 0, out.length);
    }
}
