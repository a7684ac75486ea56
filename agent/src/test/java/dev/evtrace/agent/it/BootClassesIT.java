package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.programs.InternalsProbeProgram;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classes the advice calls go into the boot loader without the boot class path appended, so the JVM keeps
 * its class-data sharing and prints nothing of its own, and without opening the JDK's internals to the program.
 */
class BootClassesIT {
    @TempDir
    static Path work;

    @Test
    void theJvmPrintsNothingOfItsOwnUnderTheAgent() throws Exception {
        JavaProcess traced = JavaProcess.traced(List.of("-Dtracer.store=" + work.resolve("events")),
                List.of("--symbols", "2", "--bars", "200", "--mode", "executor"), work);

        assertThat(traced.exitCode()).isZero();
        // Only the agent's lines and the sample's own timing: no "Sharing is only supported for boot loader classes".
        assertThat(traced.stderr().lines()).allMatch(l -> l.startsWith("tracer: ") || l.startsWith("elapsed: "));
        assertThat(traced.tracerLines()).last().asString().contains(" events written to ").doesNotContain(" 0 events");
    }

    @Test
    void theProgramSeesNoMoreOfTheJdkThanUntraced() throws Exception {
        String classes = Path.of(InternalsProbeProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        List<String> program = List.of("-cp", classes, InternalsProbeProgram.class.getName());
        JavaProcess untraced = JavaProcess.runMain(List.of(), program, work);
        JavaProcess traced = JavaProcess.runMain(List.of("-javaagent:" + JavaProcess.TRACER_JAR.toAbsolutePath(),
                "-Dtracer.publish=" + InternalsProbeProgram.class.getName() + "#main", "-Dtracer.store=" + work.resolve("probe")), program, work);

        assertThat(untraced.stdout()).isEqualTo("jdk.internal.misc: not accessible\n");
        assertThat(traced.stdout()).isEqualTo(untraced.stdout());
    }
}
