package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever the settings, the program runs and prints what it prints without the agent. */
class NeverBreakTheHostIT {
    private static final List<String> ARGS = List.of("--symbols", "3", "--bars", "500");

    @TempDir
    static Path work;

    static JavaProcess untraced;

    @BeforeAll
    static void runUntraced() throws Exception {
        untraced = JavaProcess.untraced(ARGS, work);
    }

    private static void assertSameRun(JavaProcess traced) {
        assertThat(traced.exitCode()).isEqualTo(untraced.exitCode());
        assertThat(traced.stdout()).isEqualTo(untraced.stdout());
    }

    @Test
    void aBadSettingPrintsOneLineAndRunsUntraced() throws Exception {
        Path store = work.resolve("bad-setting");
        JavaProcess traced = JavaProcess.traced(
                List.of("-Dtracer.buffer.size=12", "-Dtracer.store=" + store), ARGS, work);
        assertSameRun(traced);
        assertThat(traced.tracerLines()).containsExactly(
                "tracer: bad setting tracer.buffer.size=12: must be a power of two between 1024 and 16777216; running untraced");
        assertThat(store).doesNotExist();
    }

    @Test
    void disabledIsANoOp() throws Exception {
        Path store = work.resolve("disabled");
        JavaProcess traced = JavaProcess.traced(List.of("-Dtracer.enabled=false", "-Dtracer.store=" + store), ARGS, work);
        assertSameRun(traced);
        assertThat(traced.tracerLines()).isEmpty();
        assertThat(store).doesNotExist();
    }

    @Test
    void aPublishMethodThatIsNeverLoadedIsReported() throws Exception {
        Path store = work.resolve("wrong-class");
        JavaProcess traced = JavaProcess.traced(
                List.of("-Dtracer.publish=com.acme.Nope#publish", "-Dtracer.preset=", "-Dtracer.store=" + store), ARGS, work);
        assertSameRun(traced);
        assertThat(traced.tracerLines()).contains("tracer: no class with [com.acme.Nope#publish] was loaded; nothing was traced");
    }

    @Test
    void anUnwritableStoreIsReportedAndTheProgramRunsOn() throws Exception {
        Path file = work.resolve("not-a-directory");
        java.nio.file.Files.writeString(file, "x");
        JavaProcess traced = JavaProcess.traced(List.of("-Dtracer.store=" + file.resolve("events")), ARGS, work);
        assertSameRun(traced);
        assertThat(traced.tracerLines()).anySatisfy(l -> assertThat(l).startsWith("tracer: cannot open store "));
        assertThat(traced.tracerLines().get(traced.tracerLines().size() - 1)).contains("0 events written");
    }

    @Test
    void anAgentArgumentOverridesTheFile() throws Exception {
        Path store = work.resolve("from-args");
        JavaProcess traced = JavaProcess.run(List.of(
                "-javaagent:" + JavaProcess.TRACER_JAR.toAbsolutePath() + "=store=" + store + ",correlation.id=fixed-run",
                "-Dtracer.config=" + JavaProcess.SAMPLES_PROPERTIES.toAbsolutePath()), ARGS, work);
        assertSameRun(traced);
        assertThat(traced.tracerLines().get(0)).contains("store " + store + ", a run per call of ");
        assertThat(traced.tracerLines().get(1)).contains("(run fixed-run-1)");
    }
}
