package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.programs.QueuedEventsProgram;
import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Events delivered after publish returned find their ids either way: in fields the agent added to the event
 * class as it loaded, or, for a class it must leave as it is (Serializable, with a derived serialVersionUID),
 * in the weak registry. Either way the program runs as it does untraced.
 */
class QueuedEventsIT {
    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource({"plain, Event, true", "serial, SerialEvent, false"})
    void everyEventIsTracedWithItsCauseAndTheProgramSeesNoDifference(String mode, String eventClass,
                                                                       boolean takesFields) throws Exception {
        String classes = Path.of(QueuedEventsProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String name = QueuedEventsProgram.class.getName();
        List<String> program = List.of("-cp", classes, name, mode);
        Path store = work.resolve("events");
        JavaProcess untraced = JavaProcess.runMain(List.of(), program, work);
        JavaProcess traced = JavaProcess.runMain(List.of("-javaagent:" + JavaProcess.TRACER_JAR.toAbsolutePath(),
                "-Dtracer.publish=" + name + "$Bus#publish", "-Dtracer.handlers=" + name + "$Handler#handle",
                "-Dtracer.event.class=" + name + "$" + eventClass, "-Dtracer.event.type=name",
                "-Dtracer.store=" + store), program, work);

        assertThat(traced.exitCode()).as(traced.stderr()).isZero();
        assertThat(traced.stdout()).isEqualTo(untraced.stdout());
        assertThat(traced.tracerLines()).noneMatch(l -> l.contains("cannot"));
        String interfaces = traced.stderr().lines().filter(l -> l.startsWith(eventClass + " implements")).findFirst().orElseThrow();
        assertThat(interfaces.contains("DeferredEvent")).as(interfaces).isEqualTo(takesFields);

        List<TracedEvent> events = new EventDatasetReader(store.toString()).read(EventQuery.all());
        assertThat(events).extracting(TracedEvent::eventType)
                .containsExactlyInAnyOrder("BAR", "BAR", "SIGNAL", "SIGNAL", "ORDER", "ORDER");
        ExpectedCauses.assertEachAsItsEventSays(events);
    }
}
