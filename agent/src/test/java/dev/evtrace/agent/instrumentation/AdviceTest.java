package dev.evtrace.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evtrace.agent.bootstrap.Clock;
import dev.evtrace.agent.bootstrap.EventRing;
import dev.evtrace.agent.bootstrap.Recording;
import dev.evtrace.agent.bootstrap.ThreadContext;
import dev.evtrace.agent.bootstrap.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The advice, woven into a tiny real bus and real handlers in this JVM (no -javaagent): what it records is
 * read back from the ring.
 */
class AdviceTest {
    record Row(int kind, Object event, String run, long id, long causation, String source, String thread,
               long created, long received, long processed) {
        boolean isDelivery() {
            return (kind & EventRing.DELIVERY) != 0;
        }
    }

    private Recording recording;

    @BeforeEach
    void startRecording() {
        recording = new Recording("run-1", new EventRing(1024));
        Tracer.start(recording);
    }

    @AfterEach
    void stopRecording() {
        Tracer.start(null);
    }

    /** The event records, in the order they reached the ring. */
    private List<Row> drain() {
        return drainAll().stream().filter(r -> !r.isDelivery()).toList();
    }

    private List<Row> drainAll() {
        return drainRaw().stream().map(r -> new Row(r.kind(), r.event(), r.run(), r.id(), r.causation(), r.source(),
                r.thread(), Clock.micros(r.created()), Clock.micros(r.received()), Clock.micros(r.processed()))).toList();
    }

    /** Every record in ring order, its moments as the raw clock readings the ring holds. */
    private List<Row> drainRaw() {
        List<Row> rows = new ArrayList<>();
        recording.ring().drain((kind, e, run, id, cause, source, thread, c, r, p) ->
                rows.add(new Row(kind, e, run, id, cause, source, thread, c, r, p)), Integer.MAX_VALUE);
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static <T> T woven(Class<? extends T> type) throws ReflectiveOperationException {
        Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(EventArgument.Event.class, new EventArgument(""));
        Class<?> loaded = new ByteBuddy()
                .redefine(type)
                .visit(mapping.to(PublishInstrumentation.PublishAdvice.class).on(named("publish")))
                .visit(mapping.to(HandlerInstrumentation.HandlerAdvice.class).on(named("handle")))
                .make()
                .load(new ClassLoader(AdviceTest.class.getClassLoader()) {}, ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        return (T) loaded.getDeclaredConstructor().newInstance();
    }

    @Test
    void givesEachEventAnIdAndItsHandlersEventAsCause() throws Exception {
        TestBus bus = woven(SyncBus.class);
        Consumer<Object> handler = woven(Republisher.class);
        bus.subscribe(handler);
        ((Wiring) handler).wire(bus);

        String root = "root";
        bus.publish(root);

        List<Row> rows = drain();
        assertThat(rows).hasSize(2);
        Row inner = rows.get(0);
        Row outer = rows.get(1);
        assertThat(outer.event()).isSameAs(root);
        assertThat(outer.id()).isEqualTo(1);
        assertThat(outer.causation()).isZero();
        assertThat(outer.source()).isEqualTo(Thread.currentThread().getName());
        assertThat(inner.id()).isEqualTo(2);
        assertThat(inner.causation()).isEqualTo(1);
        assertThat(inner.source()).isEqualTo(Republisher.class.getName());
        assertThat(outer.created()).isLessThanOrEqualTo(outer.received());
        assertThat(outer.received()).isLessThanOrEqualTo(inner.created());
        assertThat(inner.processed()).isLessThanOrEqualTo(outer.processed());
        assertThat(recording.published()).isEqualTo(2);
    }

    @Test
    void letsTheHandlersExceptionReachTheCallerUnchanged() throws Exception {
        TestBus bus = woven(SyncBus.class);
        IllegalStateException boom = new IllegalStateException("boom");
        bus.subscribe(woven(Thrower.class));
        Failures.next = boom;

        assertThatThrownBy(() -> bus.publish("e")).isSameAs(boom);

        List<Row> rows = drain();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).processed()).isNotZero();
        bus.publish("after");
        assertThat(drain()).extracting(Row::causation).containsExactly(0L);
    }

    @Test
    void recordsAnEventNoHandlerReceivedWithoutReceivedTimes() throws Exception {
        TestBus bus = woven(SyncBus.class);
        bus.publish("nobody listens");
        Row row = drain().get(0);
        assertThat(row.received()).isZero();
        assertThat(row.processed()).isZero();
    }

    @Test
    void startsAFurtherDeliveryWhereThePreviousOneEnded() throws Exception {
        TestBus bus = woven(SyncBus.class);
        bus.subscribe(woven(Thrower.class));
        bus.subscribe(woven(Thrower.class));
        bus.subscribe(woven(Republisher.class));

        bus.publish(new Object());

        List<long[]> ticks = drainTicks();
        assertThat(ticks).hasSize(4);
        long[] first = ticks.get(0);
        long[] second = ticks.get(1);
        long[] third = ticks.get(2);
        long[] event = ticks.get(3);
        assertThat(second[0]).isEqualTo(first[1]);
        assertThat(third[0]).isEqualTo(second[1]);
        assertThat(event).containsExactly(first[0], third[1]);
    }

    @Test
    void startsTheFirstDeliveryAtThePublishsOwnMoment() throws Exception {
        TestBus bus = woven(SyncBus.class);
        bus.subscribe(woven(Thrower.class));
        bus.subscribe(woven(Thrower.class));

        bus.publish(new Object());

        List<Row> rows = drainRaw();
        assertThat(rows).hasSize(3);
        Row event = rows.get(2);
        assertThat(rows.get(0).received()).isEqualTo(event.created());
        assertThat(event.received()).isEqualTo(event.created());
    }

    @Test
    void readsTheClockForEveryDeliveryWhenToldTo() throws Exception {
        recording = new Recording(new EventRing(1024), "run-1", () -> "run-1", event -> true, false, true, false,
                event -> true);
        Tracer.start(recording);
        TestBus bus = woven(SlowBus.class);
        bus.subscribe(woven(Thrower.class));
        bus.subscribe(woven(Thrower.class));

        bus.publish(new Object());

        List<Row> rows = drainRaw();
        assertThat(rows).hasSize(3);
        // The bus worked 2 ms before each handler, the first too: each started after that.
        assertThat(rows.get(0).received() - rows.get(2).created()).isGreaterThanOrEqualTo(Pause.NANOS);
        List<long[]> ticks = ticks(rows);
        assertReadItsOwnClock(ticks.get(0), ticks.get(1));
    }

    @Test
    void readsTheClockForADeliveryAfterOneThatThrew() throws Exception {
        TestBus bus = woven(CatchingBus.class);
        bus.subscribe(woven(Thrower.class));
        bus.subscribe(woven(Thrower.class));
        Failures.next = new IllegalStateException("boom");

        bus.publish(new Object());

        List<long[]> ticks = drainTicks();
        assertThat(ticks).hasSize(3);
        // The bus slept 2 ms between the two, as it handled the exception: the second started after that.
        assertReadItsOwnClock(ticks.get(0), ticks.get(1));
    }

    @Test
    void readsTheClockForAHandlerThatAnotherCallsDirectly() throws Exception {
        TestBus bus = woven(SyncBus.class);
        Consumer<Object> delegator = woven(Delegator.class);
        ((Delegation) delegator).delegateTo(woven(Thrower.class), woven(Thrower.class));
        bus.subscribe(delegator);

        bus.publish(new Object());

        // The two it called, then the delegator's own delivery, then the event.
        List<long[]> ticks = drainTicks();
        assertThat(ticks).hasSize(4);
        assertReadItsOwnClock(ticks.get(0), ticks.get(1));
    }

    @Test
    void readsTheClockForTheFirstDeliveryOfTheNextEvent() throws Exception {
        TestBus bus = woven(SyncBus.class);
        bus.subscribe(woven(Thrower.class));

        bus.publish("first");
        Pause.spin(Pause.NANOS);
        bus.publish("second");

        List<long[]> ticks = drainTicks();
        assertThat(ticks).hasSize(4);
        assertReadItsOwnClock(ticks.get(0), ticks.get(2));
    }

    @Test
    void recordsEveryDeliveryInOrderWhenAPublishHasMoreThanItsEventsRecordCarries() throws Exception {
        TestBus bus = woven(CatchingBus.class);
        int handlers = EventRing.MAX_INLINE + 2;
        for (int i = 0; i < handlers; i++) {
            bus.subscribe(woven(Thrower.class));
        }
        Failures.next = new IllegalStateException("boom");

        Object event = new Object();
        bus.publish(event);

        List<Row> rows = drainRaw();
        assertThat(rows).hasSize(handlers + 1).extracting(Row::event).containsOnly(event);
        assertThat(rows).extracting(Row::id).containsOnly(1L);
        assertThat(rows.get(0).kind()).isEqualTo(EventRing.DELIVERY | EventRing.THREW);
        assertThat(rows.subList(1, handlers)).extracting(Row::kind).containsOnly(EventRing.DELIVERY);
        assertThat(rows.get(handlers).kind()).isZero();
        List<long[]> ticks = ticks(rows);
        // After the throw the bus took its time: the second delivery read the clock; each later one began as the
        // one before it ended, the first four kept for the event's record and sent on their own before the rest.
        assertReadItsOwnClock(ticks.get(0), ticks.get(1));
        for (int i = 2; i < handlers; i++) {
            assertThat(ticks.get(i)[0]).as("delivery %d", i).isEqualTo(ticks.get(i - 1)[1]);
        }
        assertThat(ticks.get(handlers)).containsExactly(ticks.get(0)[0], ticks.get(handlers - 1)[1]);
    }

    @Test
    void carriesEachFramesDeliveriesThroughPublishesNestedDeeperThanTheContextsFirstArrays() throws Exception {
        TestBus bus = woven(SyncBus.class);
        Consumer<Object> countdown = woven(Countdown.class);
        ((Wiring) countdown).wire(bus);
        bus.subscribe(countdown);
        bus.subscribe(woven(Thrower.class));

        bus.publish(20);

        List<Row> rows = drainAll();
        // Innermost first: each event's two deliveries, then the event, caused by the one whose handler published it.
        assertThat(rows).hasSize(21 * 3);
        for (int n = 0; n <= 20; n++) {
            List<Row> three = rows.subList(3 * n, 3 * n + 3);
            assertThat(three).extracting(Row::event).containsOnly(n);
            assertThat(three).extracting(Row::kind).containsExactly(EventRing.DELIVERY, EventRing.DELIVERY, 0);
            assertThat(three).extracting(Row::source).startsWith(Countdown.class.getName(), Thrower.class.getName());
            assertThat(three.get(2).id()).isEqualTo(21 - n);
            assertThat(three.get(2).causation()).isEqualTo(n == 20 ? 0 : 20 - n);
        }
    }

    @Test
    void recordsTheDeliveriesOfAPublishThatAHandlersExceptionEnds() throws Exception {
        TestBus bus = woven(SyncBus.class);
        for (int i = 0; i < EventRing.MAX_INLINE; i++) {
            bus.subscribe(woven(Arming.class));
        }
        bus.subscribe(woven(Thrower.class));
        bus.subscribe(woven(Thrower.class));

        assertThatThrownBy(() -> bus.publish("e")).hasMessage("armed");

        List<Row> rows = drainAll();
        assertThat(rows).extracting(Row::kind).containsExactly(EventRing.DELIVERY, EventRing.DELIVERY,
                EventRing.DELIVERY, EventRing.DELIVERY, EventRing.DELIVERY | EventRing.THREW, 0);
        String arming = Arming.class.getName();
        assertThat(rows).extracting(Row::source).containsExactly(arming, arming, arming, arming,
                Thrower.class.getName(), Thread.currentThread().getName());
        assertThat(rows.get(5).processed()).isEqualTo(rows.get(4).processed());
    }

    @Test
    void startsAFurtherQueuedDeliveryWhereThePreviousOneOfTheSameEventEnded() throws Exception {
        TestBus bus = woven(QueuedBus.class);
        bus.subscribe(woven(Thrower.class));
        bus.subscribe(woven(Thrower.class));
        bus.subscribe(woven(Thrower.class));

        bus.publish("first");
        bus.publish("second");
        ((Queued) bus).deliverAll(false);

        List<long[]> ticks = queuedDeliveryTicks();
        assertThat(ticks).hasSize(6);
        for (int event = 0; event < 2; event++) {
            assertThat(ticks.get(3 * event + 1)[0]).isEqualTo(ticks.get(3 * event)[1]);
            assertThat(ticks.get(3 * event + 2)[0]).isEqualTo(ticks.get(3 * event + 1)[1]);
        }
        // The bus worked 2 ms after the first event's deliveries: the next event's first delivery read the clock.
        assertReadItsOwnClock(ticks.get(2), ticks.get(3));
    }

    @Test
    void readsTheClockForEveryQueuedDeliveryWhenToldTo() throws Exception {
        recording = new Recording(new EventRing(1024), "run-1", () -> "run-1", event -> true, false, true, false,
                event -> true);
        Tracer.start(recording);
        TestBus bus = woven(QueuedBus.class);
        bus.subscribe(woven(Thrower.class));
        bus.subscribe(woven(Thrower.class));

        bus.publish(new Object());
        ((Queued) bus).deliverAll(true);

        List<long[]> ticks = queuedDeliveryTicks();
        assertThat(ticks).hasSize(2);
        assertReadItsOwnClock(ticks.get(0), ticks.get(1));
    }

    @Test
    void readsTheClockForAQueuedDeliveryAfterOneThatThrew() throws Exception {
        TestBus bus = woven(QueuedBus.class);
        bus.subscribe(woven(Thrower.class));
        bus.subscribe(woven(Thrower.class));
        Failures.next = new IllegalStateException("boom");

        bus.publish(new Object());
        ((Queued) bus).deliverAll(false);

        List<long[]> ticks = queuedDeliveryTicks();
        assertThat(ticks).hasSize(2);
        // The bus worked 2 ms on the exception between the two.
        assertReadItsOwnClock(ticks.get(0), ticks.get(1));
    }

    @Test
    void readsTheClockForAHandlerThatAQueuedDeliveryCallsDirectly() throws Exception {
        TestBus bus = woven(QueuedBus.class);
        Consumer<Object> delegator = woven(Delegator.class);
        ((Delegation) delegator).delegateTo(woven(Thrower.class), woven(Thrower.class));
        bus.subscribe(delegator);

        bus.publish(new Object());
        ((Queued) bus).deliverAll(false);

        // The two it called, then the delegator's own delivery.
        List<long[]> ticks = queuedDeliveryTicks();
        assertThat(ticks).hasSize(3);
        assertReadItsOwnClock(ticks.get(0), ticks.get(1));
    }

    @Test
    void readsTheClockForAQueuedDeliveryWhenTheTracerSawOtherWorkSinceTheOneBefore() throws Exception {
        TestBus bus = woven(QueuedBus.class);
        bus.subscribe(woven(Thrower.class));
        // Not woven: a run boundary on the bus's thread between the two deliveries, 2 ms of work inside it.
        bus.subscribe(event -> {
            ThreadContext run = Tracer.runStart();
            Pause.spin(Pause.NANOS);
            Tracer.runEnd(run);
        });
        bus.subscribe(woven(Thrower.class));

        bus.publish(new Object());
        ((Queued) bus).deliverAll(false);

        List<long[]> ticks = queuedDeliveryTicks();
        assertThat(ticks).hasSize(2);
        assertReadItsOwnClock(ticks.get(0), ticks.get(1));
    }

    /** The deliveries' raw received and processed readings, in ring order. */
    private List<long[]> queuedDeliveryTicks() {
        return ticks(drainRaw().stream().filter(Row::isDelivery).toList());
    }

    /** {@code later} started at least a {@link Pause} after {@code earlier} ended: it read the clock itself. */
    private static void assertReadItsOwnClock(long[] earlier, long[] later) {
        assertThat(later[0] - earlier[1]).isGreaterThanOrEqualTo(Pause.NANOS);
    }

    /** Raw clock readings in ring order: a delivery's received and processed, an event's received and processed. */
    private List<long[]> drainTicks() {
        return ticks(drainRaw());
    }

    private static List<long[]> ticks(List<Row> rows) {
        return rows.stream().map(r -> new long[] {r.received(), r.processed()}).toList();
    }

    @Test
    void doesNothingWithoutARecording() throws Exception {
        Tracer.start(null);
        TestBus bus = woven(SyncBus.class);
        List<Object> seen = new ArrayList<>();
        bus.subscribe(seen::add);
        bus.publish("e");
        assertThat(seen).containsExactly("e");
        assertThat(recording.ring().pending()).isZero();
    }

    public interface TestBus {
        void publish(Object event);

        void subscribe(Consumer<Object> handler);
    }

    public static class SyncBus implements TestBus {
        protected final List<Consumer<Object>> handlers = new ArrayList<>();

        @Override
        public void publish(Object event) {
            for (Consumer<Object> h : handlers) {
                h.accept(event);
            }
        }

        @Override
        public void subscribe(Consumer<Object> handler) {
            handlers.add(handler);
        }
    }

    /** Delivers to every handler whatever the others throw, taking its time over each exception. */
    public static class CatchingBus extends SyncBus {
        @Override
        public void publish(Object event) {
            for (Consumer<Object> h : handlers) {
                try {
                    h.accept(event);
                } catch (RuntimeException e) {
                    Pause.spin(Pause.NANOS);
                }
            }
        }
    }

    /** Works 2 ms between handlers (a bus that logs or filters there, say). */
    public static class SlowBus extends SyncBus {
        @Override
        public void publish(Object event) {
            for (Consumer<Object> h : handlers) {
                Pause.spin(Pause.NANOS);
                h.accept(event);
            }
        }
    }

    /** A bus that keeps what is published, to be delivered later outside any publish. */
    public interface Queued {
        /** Each event to every handler in turn, working 2 ms after each event and each exception (and each handler). */
        void deliverAll(boolean pauseBetweenHandlers);
    }

    public static class QueuedBus extends SyncBus implements Queued {
        private final List<Object> queue = new ArrayList<>();

        @Override
        public void publish(Object event) {
            queue.add(event);
        }

        @Override
        public void deliverAll(boolean pauseBetweenHandlers) {
            for (Object event : queue) {
                for (Consumer<Object> h : handlers) {
                    if (pauseBetweenHandlers) {
                        Pause.spin(Pause.NANOS);
                    }
                    try {
                        h.accept(event);
                    } catch (RuntimeException e) {
                        Pause.spin(Pause.NANOS);
                    }
                }
                Pause.spin(Pause.NANOS);
            }
            queue.clear();
        }
    }

    /** Handles a String by publishing a derived event, as a strategy turns a bar into a signal. */
    public interface Wiring {
        void wire(TestBus bus);
    }

    public static class Republisher implements Consumer<Object>, Wiring {
        protected TestBus bus;

        @Override
        public void wire(TestBus bus) {
            this.bus = bus;
        }

        @Override
        public void accept(Object event) {
            handle(event);
        }

        public void handle(Object event) {
            if (event instanceof String s && bus != null) {
                bus.publish(new StringBuilder(s).append("-child"));
            }
        }
    }

    /** Lives outside the woven classes, which a child-first loader defines anew with their own statics. */
    public static final class Failures {
        public static RuntimeException next;
    }

    /** A handler that hands its event to two others itself, working 2 ms in between. */
    public interface Delegation {
        void delegateTo(Consumer<Object> first, Consumer<Object> second);
    }

    public static class Delegator implements Consumer<Object>, Delegation {
        private Consumer<Object> first;
        private Consumer<Object> second;

        @Override
        public void delegateTo(Consumer<Object> first, Consumer<Object> second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void accept(Object event) {
            handle(event);
        }

        public void handle(Object event) {
            first.accept(event);
            Pause.spin(Pause.NANOS);
            second.accept(event);
        }
    }

    /** The 2 ms that buses and handlers here spend where the tracer must not share a clock reading. */
    public static final class Pause {
        public static final long NANOS = 2_000_000;

        /** Busy for at least {@code nanos}, by the clock the tracer reads (a sleep or a park may return early). */
        public static void spin(long nanos) {
            long until = System.nanoTime() + nanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
    }

    /** Handles n by publishing n - 1, down to 0: publishes nested as deep as n. */
    public static class Countdown extends Republisher {
        @Override
        public void handle(Object event) {
            if (event instanceof Integer n && n > 0) {
                bus.publish(n - 1);
            }
        }
    }

    /** A handler after which the next {@link Thrower} throws. */
    public static class Arming implements Consumer<Object> {

        @Override
        public void accept(Object event) {
            handle(event);
        }

        public void handle(Object event) {
            Failures.next = new IllegalStateException("armed");
        }
    }

    public static class Thrower implements Consumer<Object> {

        @Override
        public void accept(Object event) {
            handle(event);
        }

        public void handle(Object event) {
            RuntimeException e = Failures.next;
            Failures.next = null;
            if (e != null) {
                throw e;
            }
        }
    }
}
