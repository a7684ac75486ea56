package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The producers' side of the ring is compiled once: when the ring comes round, nothing in what C2 compiled into
 * the program's methods is thrown away (JFR's {@code jdk.Deoptimization} names the method whose branch trapped).
 * Compiling in the foreground ({@code -Xbatch}), with thresholds halved, C2 compiles {@code put} during the first of
 * the run's two and a half laps of the default 65,536 slots; without the writer's priming its first record of the
 * second lap trapped in {@code put} and {@code fillDeliveries}.
 */
class RingLapsIT {
    private static final List<String> ARGS = List.of("--symbols", "10", "--bars", "5000");
    private static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0">
              <event name="jdk.Deoptimization"><setting name="enabled">true</setting></event>
            </configuration>
            """;

    @TempDir
    Path work;

    @Test
    void aRingThatComesRoundThrowsNoCompiledCodeAway() throws Exception {
        Path settings = Files.writeString(work.resolve("deoptimizations.jfc"), SETTINGS);
        Path recording = work.resolve("run.jfr");
        JavaProcess run = JavaProcess.traced(List.of("-Xbatch", "-XX:CompileThresholdScaling=0.5",
                "-XX:StartFlightRecording=settings=" + settings + ",filename=" + recording,
                "-Dtracer.store=" + work.resolve("events")), ARGS, work);
        assertThat(run.exitCode()).isZero();
        // Two and a half laps: each event's record takes a slot, and one more for every two deliveries it carries.
        assertThat(run.eventsPublished()).isGreaterThan(50_000);
        assertThat(run.stderr()).contains(run.eventsPublished() + " events written");

        List<String> trapped = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.Deoptimization"))
                .map(RingLapsIT::where)
                .toList();
        // Traps in the program's and the JDK's code show that the recording saw them.
        assertThat(trapped).isNotEmpty();
        assertThat(trapped).noneMatch(m -> m.matches("dev\\.evtrace\\.agent\\.bootstrap\\.EventRing\\.(put|fill.*):.*"));
    }

    private static String where(RecordedEvent deoptimization) {
        RecordedMethod method = deoptimization.getValue("method");
        return method.getType().getName() + "." + method.getName() + ":" + deoptimization.getInt("lineNumber");
    }
}
