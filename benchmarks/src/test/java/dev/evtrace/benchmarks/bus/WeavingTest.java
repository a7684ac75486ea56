package dev.evtrace.benchmarks.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.agent.bootstrap.EventRing;
import dev.evtrace.agent.bootstrap.Recording;
import dev.evtrace.agent.bootstrap.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The benchmark measures what it claims: the woven bus records every publish, the plain copy records none. */
class WeavingTest {
    @AfterEach
    void stopRecording() {
        Tracer.start(null);
    }

    private static Bus busWithThreeHandlers(boolean woven) {
        Bus bus = Weaving.newInstance(ListBus.class, Bus.class, woven);
        for (Class<?> type : Handlers.TYPES) {
            bus.subscribe(Weaving.newInstance(type, Handler.class, woven));
        }
        return bus;
    }

    @Test
    void wovenBusRecordsEveryPublishAndTheDrainerFreesTheRing() throws InterruptedException {
        EventRing ring = new EventRing(1_024);
        Recording recording = new Recording("test", ring);
        Tracer.start(recording);
        RingDrainer drainer = new RingDrainer(ring);
        drainer.start();
        Bus bus = busWithThreeHandlers(true);

        Object event = new Object();
        for (int i = 0; i < 10_000; i++) {
            bus.publish(event);
        }
        long drained = drainer.stop();

        assertThat(recording.published()).isEqualTo(10_000);
        assertThat(drained).isGreaterThanOrEqualTo(10_000);
        assertThat(ring.pending()).isZero();
    }

    @Test
    void plainCopyRecordsNothing() {
        EventRing ring = new EventRing(1_024);
        Recording recording = new Recording("test", ring);
        Tracer.start(recording);
        Bus bus = busWithThreeHandlers(false);

        bus.publish(new Object());

        assertThat(recording.published()).isZero();
        assertThat(ring.pending()).isZero();
    }
}
