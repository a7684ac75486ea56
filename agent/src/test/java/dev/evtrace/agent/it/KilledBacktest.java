package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A long traced backtest killed with SIGKILL once its writer has completed a few files. */
final class KilledBacktest {
    private KilledBacktest() {}

    /**
     * Runs the traced sample on {@code store} and kills it when 3 data files are there and {@code moreMillis}
     * later: the files it was writing then hold events that no completed file has.
     */
    static void run(Path store, long moreMillis) throws Exception {
        run(store, moreMillis, 3, List.of());
    }

    /** The same, with more tracer {@code options}, killed {@code moreMillis} after {@code files} data files exist. */
    static void run(Path store, long moreMillis, int files, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + JavaProcess.TRACER_JAR.toAbsolutePath(),
                "-Dtracer.config=" + JavaProcess.SAMPLES_PROPERTIES.toAbsolutePath(), "-Dtracer.store=" + store));
        command.addAll(options);
        command.addAll(List.of("-jar", JavaProcess.SAMPLES_JAR.toAbsolutePath().toString(), "--symbols", "20",
                "--bars", "200000"));
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (dataFiles(store) < files && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(moreMillis);
            assertThat(process.isAlive()).as("still running when killed").isTrue();
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(process.exitValue()).isEqualTo(137);
    }

    private static long dataFiles(Path store) throws Exception {
        if (!Files.isDirectory(store)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).count();
        }
    }
}
