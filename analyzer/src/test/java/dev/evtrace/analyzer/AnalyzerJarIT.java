package dev.evtrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the built analyzer.jar loads when it reads a store. */
class AnalyzerJarIT {
    private static final String RUN = "backtest_20251124_160000_1a2b3c4d";

    @TempDir
    Path tmp;

    /**
     * It takes the store's ParquetMetadata and Packer, not parquet's, whose static initializers load some 370 of
     * Jackson's classes and 164 packer classes a read never uses (BENCHMARKS.md, session 15).
     */
    @Test
    void readsAStoreWithoutLoadingJacksonOrTheBigEndianPackers() throws Exception {
        Path store = tmp.resolve("events");
        new StoreFixture(store).pipeline(RUN, StoreFixture.T0, 30).write();
        Path jar = Path.of(System.getProperty("analyzer.launcher")).resolveSibling("analyzer.jar");
        Path classes = tmp.resolve("classes.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes, "-jar", jar.toString(),
                "events", "--store", store.toString(), "--run", RUN)
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the analyzer ends").isTrue();
        assertThat(process.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isZero();

        List<String> loaded = Files.readAllLines(classes);
        assertThat(Files.readString(tmp.resolve("out.txt"))).contains("BAR");
        assertThat(loaded).anyMatch(line -> line.contains("org.apache.parquet.hadoop.metadata.ParquetMetadata "))
                .anyMatch(line -> line.contains("bitpacking.ByteBitPackingLE "))
                .noneMatch(line -> line.contains("jackson"))
                .noneMatch(line -> line.contains("BitPackingBE") || line.contains("LemireBitPacking"));
    }
}
