package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C2 is kept off the writer's code and the start-up's class writing, never off the hot path, and only where C1
 * compiles first. HotSpot's {@code -XX:+PrintCompilation} names each method C2 was asked for and may not compile;
 * thresholds scaled down so that a short run asks C2 for the writer's methods, and compiling in the foreground
 * ({@code -Xbatch}) so that what is asked for is compiled before the run ends, whatever else the machine is doing.
 */
class WriterCompilationIT {
    private static final List<String> ARGS = List.of("--symbols", "3", "--bars", "500");
    private static final String EXCLUDED = "excluded by CompileCommand";
    /** Byte Buddy's methods and the JDK's ASM, kept off C2 whatever tracer.writer.c2 says. */
    private static final String START_UP =
            ".* (dev\\.evtrace\\.shaded\\.net\\.bytebuddy|jdk\\.internal\\.org\\.objectweb\\.asm)\\..*";

    @TempDir
    Path work;

    private JavaProcess traced(String... options) throws Exception {
        List<String> all = new ArrayList<>(List.of("-XX:+PrintCompilation", "-XX:CompileThresholdScaling=0.05", "-Xbatch",
                "-Dtracer.store=" + work.resolve("events")));
        all.addAll(List.of(options));
        JavaProcess run = JavaProcess.traced(all, ARGS, work);
        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).contains("events written to");
        return run;
    }

    private static List<String> excluded(JavaProcess run) {
        return run.stdout().lines().filter(l -> l.contains(EXCLUDED)).toList();
    }

    @Test
    void theWritersCodeIsCompiledByC1Only() throws Exception {
        List<String> excluded = excluded(traced());
        assertThat(excluded).isNotEmpty()
                .allMatch(l -> l.matches(".* dev\\.evtrace\\.(agent\\.writer|agent\\.startup|store|shaded)\\..*")
                        || l.contains(" dev.evtrace.agent.bootstrap.EventRing::drain") || l.matches(START_UP))
                .anyMatch(l -> l.contains(" dev.evtrace.store.parquet."))
                .anyMatch(l -> l.contains(" dev.evtrace.shaded.io.airlift.compress.zstd."));
    }

    @Test
    void theHotPathIsLeftToC2() throws Exception {
        JavaProcess run = traced();
        assertThat(run.stdout().lines().filter(l -> l.contains(" dev.evtrace.agent.bootstrap.Tracer::")))
                .anyMatch(l -> l.matches("\\s*\\d+\\s+\\d+\\s+[%sbn! ]*4\\s+dev\\.evtrace\\.agent\\.bootstrap\\.Tracer::.*"));
        // The ring's drain is the writer's: only the writer thread calls it. Its twin for a writer that has fallen
        // behind is left to C2.
        assertThat(excluded(run)).filteredOn(l -> l.contains("dev.evtrace.agent.bootstrap"))
                .allMatch(l -> l.contains("dev.evtrace.agent.bootstrap.EventRing::drain"))
                .noneMatch(l -> l.contains("EventRing::catchUp"));
    }

    @Test
    void withoutC1FirstC2IsNotExcluded() throws Exception {
        // C2 alone: excluding it would leave the writer interpreted.
        assertThat(excluded(traced("-XX:-TieredCompilation"))).isEmpty();
    }

    @Test
    void aSettingLeavesTheWriterToC2ButNotTheStartUpsClassWriting() throws Exception {
        assertThat(excluded(traced("-Dtracer.writer.c2=true"))).isNotEmpty().allMatch(l -> l.matches(START_UP))
                .anyMatch(l -> l.contains(" dev.evtrace.shaded.net.bytebuddy."));
    }
}
