package dev.evtrace.agent.it;

import com.acme.programs.HandlerShapesProgram;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.TracedEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every handler shape of {@link HandlerShapesProgram}, traced by the real agent. */
class HandlerShapesIT {
    @TempDir
    static Path work;

    static JavaProcess untraced;
    static JavaProcess traced;
    static List<TracedEvent> events;
    static List<Delivery> deliveries;

    @BeforeAll
    static void run() throws Exception {
        String classes = Path.of(HandlerShapesProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> program = List.of("-cp", classes, HandlerShapesProgram.class.getName());
        String bus = HandlerShapesProgram.Bus.class.getName();
        String handler = HandlerShapesProgram.Handler.class.getName();
        Path store = work.resolve("events");
        untraced = JavaProcess.runMain(List.of(), program, work);
        // The JVM hides lambda classes from agents: a method reference is traced through its target, a lambda
        // through its body (lambda$…), whose event argument the event class picks out.
        String handlers = handler + "#handle," + HandlerShapesProgram.Strategy.class.getName() + "#onEvent,"
                + HandlerShapesProgram.class.getName() + "#lambda$*";
        traced = JavaProcess.runMain(List.of("-javaagent:" + JavaProcess.TRACER_JAR.toAbsolutePath(),
                "-Dtracer.publish=" + bus + "#publish", "-Dtracer.handlers=" + handlers,
                "-Dtracer.event.class=" + HandlerShapesProgram.Event.class.getName(),
                "-Dtracer.event.type=name", "-Dtracer.store=" + store), program, work);
        EventDatasetReader reader = new EventDatasetReader(store.toString());
        events = reader.read(EventQuery.all());
        deliveries = reader.deliveries(null);
    }

    @Test
    void runsAsItDoesUntraced() {
        assertThat(traced.exitCode()).as(traced.stderr()).isZero();
        assertThat(traced.stdout()).isEqualTo(untraced.stdout()).contains("caught: boom");
    }

    @Test
    void everyShapeGetsItsCauseRight() {
        assertThat(events).extracting(TracedEvent::eventType).containsExactlyInAnyOrder(
                "BAR", "FROM_LAMBDA", "REENTRANT", "FROM_METHOD_REF", "FROM_DEFAULT", "FROM_BASE", "FROM_GENERIC", "BOOM");
        ExpectedCauses.assertEachAsItsEventSays(events);
    }

    @Test
    void namesLambdasAfterTheirClassAndMethodReferencesAfterTheirTarget() {
        TracedEvent fromLambda = events.stream().filter(e -> e.eventType().equals("FROM_LAMBDA")).findFirst().orElseThrow();
        TracedEvent fromRef = events.stream().filter(e -> e.eventType().equals("FROM_METHOD_REF")).findFirst().orElseThrow();
        assertThat(fromLambda.sourceContainer()).isEqualTo(HandlerShapesProgram.class.getName());
        assertThat(fromRef.sourceContainer()).isEqualTo(HandlerShapesProgram.Strategy.class.getName());
        assertThat(events.stream().filter(e -> e.eventType().equals("FROM_GENERIC")).findFirst().orElseThrow().sourceContainer())
                .isEqualTo(HandlerShapesProgram.Generic.class.getName());
    }

    @Test
    void recordsOneDeliveryPerHandlerCallAndWhichOneThrew() {
        long barId = events.stream().filter(e -> e.eventType().equals("BAR")).findFirst().orElseThrow().eventId();
        assertThat(deliveries).filteredOn(d -> d.eventId() == barId).hasSize(6);
        assertThat(deliveries).filteredOn(Delivery::threw).singleElement().satisfies(d -> {
            assertThat(d.eventType()).isEqualTo("BOOM");
            assertThat(d.handler()).isEqualTo(HandlerShapesProgram.Thrower.class.getName());
        });
    }
}
