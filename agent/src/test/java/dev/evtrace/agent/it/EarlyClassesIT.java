package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.programs.EarlyPublisherProgram;
import com.acme.programs.HandlerShapesProgram;
import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent installs its instrumentation on a thread of its own while the program starts: a program that
 * publishes from its first line, through classes matched every way, loses no event to that.
 */
class EarlyClassesIT {
    @TempDir
    static Path work;

    static JavaProcess untraced;
    static JavaProcess traced;
    static List<TracedEvent> events;

    @BeforeAll
    static void run() throws Exception {
        String classes = Path.of(EarlyPublisherProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> program = List.of("-cp", classes, EarlyPublisherProgram.class.getName());
        String name = HandlerShapesProgram.class.getName();
        Path store = work.resolve("events");
        untraced = JavaProcess.runMain(List.of(), program, work);
        traced = JavaProcess.runMain(List.of("-javaagent:" + JavaProcess.TRACER_JAR.toAbsolutePath(),
                "-Dtracer.publish=" + name + "$Bus#publish,java.util.Queue#add", "-Dtracer.callers=com.acme.**",
                "-Dtracer.handlers=" + name + "$Handler#handle", "-Dtracer.event.class=" + name + "$Event",
                "-Dtracer.event.type=name", "-Dtracer.store=" + store), program, work);
        events = new EventDatasetReader(store.toString()).read(EventQuery.all());
    }

    @Test
    void runsAsItDoesUntraced() {
        assertThat(traced.exitCode()).as(traced.stderr()).isZero();
        assertThat(traced.stdout()).isEqualTo(untraced.stdout());
        assertThat(traced.tracerLines()).noneMatch(l -> l.contains("not ready") || l.contains("cannot"));
    }

    @Test
    void everyEventIsTracedWithItsCause() {
        assertThat(events).extracting(TracedEvent::eventType)
                .containsExactlyInAnyOrder("BAR", "SIGNAL", "FROM_TASK", "NEWS");
        ExpectedCauses.assertEachAsItsEventSays(events);
    }
}
