package dev.evtrace.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.agent.bootstrap.Clock;
import dev.evtrace.agent.bootstrap.EventRing;
import dev.evtrace.agent.bootstrap.Recording;
import dev.evtrace.agent.bootstrap.ThreadContext;
import dev.evtrace.agent.bootstrap.Tracer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lineage through the shapes real engines have, with the advice woven in this JVM. */
class DispatchShapesTest {
    record Row(int kind, Object event, String run, long id, long causation, String source, String thread,
               long received, long processed) {
        boolean isDelivery() {
            return (kind & EventRing.DELIVERY) != 0;
        }
    }

    /** Events of the stubs below: their text says what caused them. */
    public static final class Evt {
        public final String name;

        public Evt(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Recording recording;

    private void record(boolean dropWhenFull, int capacity) {
        AtomicInteger runs = new AtomicInteger();
        recording = new Recording(new EventRing(capacity), "main-run", () -> "run-" + runs.incrementAndGet(),
                event -> event.toString().startsWith("FILL"), dropWhenFull, true, true, event -> true);
        Tracer.start(recording);
    }

    @AfterEach
    void stop() {
        Tracer.start(null);
    }

    private List<Row> drain() {
        List<Row> rows = new ArrayList<>();
        recording.ring().drain((kind, e, run, id, cause, source, thread, c, r, p) ->
                rows.add(new Row(kind, e, run, id, cause, source, thread, Clock.micros(r), Clock.micros(p))), Integer.MAX_VALUE);
        return rows;
    }

    private static Row event(List<Row> rows, String name) {
        return rows.stream().filter(r -> !r.isDelivery() && r.event().toString().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static <T> T woven(Class<?> type, String eventClass) throws ReflectiveOperationException {
        Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(EventArgument.Event.class, new EventArgument(eventClass));
        Class<?> loaded = new ByteBuddy()
                .redefine(type)
                .visit(mapping.to(PublishInstrumentation.PublishAdvice.class).on(named("publish")))
                .visit(mapping.to(HandlerInstrumentation.HandlerAdvice.class).on(named("onEvent")))
                .visit(Advice.to(RunInstrumentation.RunAdvice.class).on(named("run")))
                .make()
                .load(new ClassLoader(DispatchShapesTest.class.getClassLoader()) {}, ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        return (T) loaded.getDeclaredConstructor().newInstance();
    }

    public interface Engine {
        void publish(Evt event);

        void dispatchAll();

        void run();
    }

    /**
     * A queued bus: publish only enqueues; dispatchAll() delivers later. BAR makes SIGNAL, SIGNAL makes
     * FILL; the handler's first argument is not the event, so the event class decides which one is.
     */
    public static class QueuedEngine implements Engine {
        private final ArrayDeque<Evt> queue = new ArrayDeque<>();

        @Override
        public void publish(Evt event) {
            queue.add(event);
        }

        @Override
        public void dispatchAll() {
            for (Evt e = queue.poll(); e != null; e = queue.poll()) {
                onEvent("context", e);
            }
        }

        public void onEvent(String context, Evt event) {
            if (event.name.startsWith("BAR")) {
                publish(new Evt("SIGNAL<" + event.name));
            } else if (event.name.startsWith("SIGNAL")) {
                publish(new Evt("FILL<" + event.name));
            } else if (event.name.startsWith("BOOM")) {
                throw new IllegalStateException("handler failed");
            }
        }

        @Override
        public void run() {
            publish(new Evt("BAR-in-run"));
            dispatchAll();
        }
    }

    @Test
    void tracesFillBackToSignalAcrossQueuedDispatch() throws Exception {
        record(false, 1024);
        Engine engine = woven(QueuedEngine.class, Evt.class.getName());
        engine.publish(new Evt("BAR1"));
        engine.publish(new Evt("BAR2"));
        engine.dispatchAll();

        List<Row> rows = drain();
        Row bar1 = event(rows, "BAR1");
        Row signal1 = event(rows, "SIGNAL<BAR1");
        Row fill1 = event(rows, "FILL<SIGNAL<BAR1");
        assertThat(bar1.causation()).isZero();
        assertThat(signal1.causation()).isEqualTo(bar1.id());
        assertThat(fill1.causation()).isEqualTo(signal1.id());
        assertThat(event(rows, "SIGNAL<BAR2").causation()).isEqualTo(event(rows, "BAR2").id());
        assertThat(bar1.received()).as("delivered after publish returned").isZero();
        List<Row> deliveries = rows.stream().filter(Row::isDelivery).toList();
        assertThat(deliveries).hasSize(6);
        assertThat(deliveries).filteredOn(d -> d.id() == bar1.id()).singleElement()
                .satisfies(d -> assertThat(d.processed()).isGreaterThanOrEqualTo(d.received()));
    }

    @Test
    void recordsAThrowingDeliveryAndLetsTheExceptionThrough() throws Exception {
        record(false, 1024);
        Engine engine = woven(QueuedEngine.class, Evt.class.getName());
        engine.publish(new Evt("BOOM"));
        try {
            engine.dispatchAll();
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("handler failed");
        }
        Row delivery = drain().stream().filter(Row::isDelivery).findFirst().orElseThrow();
        assertThat(delivery.kind() & EventRing.THREW).isNotZero();
    }

    @Test
    void givesEachRunBoundaryItsOwnCorrelationId() throws Exception {
        record(false, 1024);
        Engine engine = woven(QueuedEngine.class, Evt.class.getName());
        engine.run();
        engine.run();
        engine.publish(new Evt("outside"));
        List<Row> rows = drain().stream().filter(r -> !r.isDelivery()).toList();
        assertThat(rows).extracting(Row::run).containsExactly(
                "run-1", "run-1", "run-1", "run-2", "run-2", "run-2", "main-run");
        assertThat(rows).filteredOn(r -> r.run().equals("run-2")).extracting(Row::id).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    /** A handler that hands the fill to an exchange-gateway thread, which publishes it. */
    /** Outside the woven class, which a child-first loader defines anew with its own statics. */
    public static final class Gateway {
        public static ExecutorService executor;
    }

    public static class GatewayEngine implements Engine {
        private final List<Evt> handled = new ArrayList<>();

        @Override
        public void publish(Evt event) {
            onEvent(event);
        }

        public void onEvent(Evt event) {
            handled.add(event);
            if (event.name.startsWith("ORDER")) {
                Future<?> done = Gateway.executor.submit(Tracer.wrap(() -> publish(new Evt("FILL<" + event.name))));
                try {
                    done.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void dispatchAll() {}

        @Override
        public void run() {}
    }

    @Test
    void causationFollowsTheTaskToAnotherThreadAndDoesNotLeak() throws Exception {
        record(false, 1024);
        Gateway.executor = Executors.newSingleThreadExecutor();
        try {
            Engine engine = woven(GatewayEngine.class, "");
            engine.publish(new Evt("ORDER1"));
            Future<?> unrelated = Gateway.executor.submit(Tracer.wrap(() -> engine.publish(new Evt("TICK"))));
            unrelated.get();
        } finally {
            Gateway.executor.shutdown();
        }
        List<Row> rows = drain();
        Row order = event(rows, "ORDER1");
        Row fill = event(rows, "FILL<ORDER1");
        assertThat(fill.causation()).isEqualTo(order.id());
        assertThat(fill.thread()).isNotEqualTo(order.thread());
        assertThat(fill.source()).isEqualTo(GatewayEngine.class.getName());
        assertThat(event(rows, "TICK").causation()).as("the gateway thread kept no context").isZero();
    }

    @Test
    void wrapsNothingOutsideAHandlerOrRun() {
        record(false, 1024);
        Runnable task = () -> {};
        assertThat(Tracer.wrap(task)).isSameAs(task);
        assertThat(Tracer.capture()).isNull();
    }

    /** A synchronous engine with no consumer: the ring fills up. */
    public static class SyncEngine implements Engine {
        @Override
        public void publish(Evt event) {}

        @Override
        public void dispatchAll() {}

        @Override
        public void run() {}
    }

    @Test
    void dropsOnlyNonCriticalEventsWhenFullAndCountsThem() throws Exception {
        record(true, 2);
        Engine engine = woven(SyncEngine.class, "");
        engine.publish(new Evt("BAR1"));
        engine.publish(new Evt("BAR2"));
        engine.publish(new Evt("BAR3"));
        assertThat(recording.runs().get(0).droppedCount()).isEqualTo(1);

        Thread drainer = new Thread(() -> {
            while (recording.ring().pending() > 0 || !Thread.currentThread().isInterrupted()) {
                if (recording.ring().drain((k, e, run, id, c, s, t, cr, r, p) -> {}, 16) == 0) {
                    Thread.onSpinWait();
                }
                if (recording.runs().get(0).published() == 4 && recording.ring().pending() == 0) {
                    return;
                }
            }
        });
        drainer.start();
        engine.publish(new Evt("FILL1"));
        drainer.join();
        assertThat(recording.runs().get(0).droppedCount()).as("a critical event waits instead").isEqualTo(1);
    }

    /** A synchronous engine whose publish hands each event to its handler three times, with no consumer. */
    public static class FanOutEngine extends SyncEngine {
        @Override
        public void publish(Evt event) {
            for (int i = 0; i < 3; i++) {
                onEvent(event);
            }
        }

        public void onEvent(Evt event) {}
    }

    @Test
    void dropsAnEventsRecordWithTheDeliveriesItCarriesAndCountsBoth() throws Exception {
        // An event and its three deliveries take three of the four slots.
        record(true, 4);
        Engine engine = woven(FanOutEngine.class, "");
        engine.publish(new Evt("BAR1"));
        engine.publish(new Evt("BAR2"));

        assertThat(recording.runs().get(0).droppedCount()).isEqualTo(1);
        assertThat(recording.runs().get(0).droppedDeliveryCount()).isEqualTo(3);
        assertThat(drain()).extracting(r -> r.event() + (r.isDelivery() ? " delivery" : ""))
                .containsExactly("BAR1 delivery", "BAR1 delivery", "BAR1 delivery", "BAR1");
    }

    @Test
    void contextsAreBalancedAfterEveryShape() throws Exception {
        record(false, 1024);
        Engine engine = woven(QueuedEngine.class, Evt.class.getName());
        engine.run();
        engine.publish(new Evt("BOOM"));
        try {
            engine.dispatchAll();
        } catch (IllegalStateException expected) {
            // the handler's own exception
        }
        assertThat(Tracer.capture()).isNull();
        assertThat(ThreadContext.current()).isNotNull();
    }
}
