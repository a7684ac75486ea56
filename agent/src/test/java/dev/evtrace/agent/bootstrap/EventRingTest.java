package dev.evtrace.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EventRingTest {
    @Test
    void deliversEverySlotInClaimOrderAndFreesIt() {
        EventRing ring = new EventRing(4);
        for (int i = 1; i <= 3; i++) {
            put(ring, 0, "e" + i, "run", i, i - 1, "src", "main", i * 10, i * 10 + 2, i * 10 + 3);
        }
        List<String> seen = new ArrayList<>();
        int n = ring.drain((k, e, run, id, cause, src, t, c, r, p) -> seen.add(e + ":" + id + ":" + cause + ":" + p), 10);
        assertThat(n).isEqualTo(3);
        assertThat(seen).containsExactly("e1:1:0:13", "e2:2:1:23", "e3:3:2:33");
        assertThat(ring.pending()).isZero();
    }

    @Test
    void everyFieldAndTheKindReachTheReaderLapAfterLap() {
        EventRing ring = new EventRing(2);
        List<String> seen = new ArrayList<>();
        for (int lap = 0; lap < 3; lap++) {
            int kind = lap == 0 ? 0 : EventRing.DELIVERY | (lap == 2 ? EventRing.THREW : 0);
            long id = Long.MAX_VALUE - lap;
            put(ring, kind, "event" + lap, "run" + lap, id, -lap, "source" + lap, "thread" + lap, 1L << 60, lap, -1);
            ring.drain((k, e, run, i, cause, src, t, c, r, p) -> seen.add(
                    String.join(" ", "" + k, "" + e, run, "" + i, "" + cause, src, t, "" + c, "" + r, "" + p)), 1);
        }
        assertThat(seen).containsExactly(
                "0 event0 run0 9223372036854775807 0 source0 thread0 1152921504606846976 0 -1",
                "1 event1 run1 9223372036854775806 -1 source1 thread1 1152921504606846976 1 -1",
                "3 event2 run2 9223372036854775805 -2 source2 thread2 1152921504606846976 2 -1");
    }

    @Test
    void aSlotThatHeldTheSameNamesALapBeforeReadsThemAndThenNewOnes() {
        EventRing ring = new EventRing(1);
        String[][] names = {{"run-1", "source-1", "main"}, {"run-1", "source-1", "main"}, {"run-2", "source-1", "main"},
                {"run-2", "source-2", "worker"}};
        List<String> seen = new ArrayList<>();
        for (String[] n : names) {
            put(ring, 0, "e", n[0], 1, 0, n[1], n[2], 0, 0, 0);
            ring.drain((k, e, run, i, cause, src, t, c, r, p) -> seen.add(run + " " + src + " " + t), 1);
        }
        assertThat(seen).containsExactly("run-1 source-1 main", "run-1 source-1 main", "run-2 source-1 main",
                "run-2 source-2 worker");
    }

    @Test
    void producersWaitForSpaceAndNothingIsLost() throws InterruptedException {
        EventRing ring = new EventRing(16);
        int producers = 4;
        int perProducer = 20_000;
        List<Thread> threads = start(producers, p -> {
            for (int i = 1; i <= perProducer; i++) {
                put(ring, 0, "x", "run", p * perProducer + i, 0, "src", "t", 0, 0, 0);
            }
        });
        Set<Long> ids = new HashSet<>();
        while (ids.size() < producers * perProducer) {
            ring.drain((k, e, run, id, cause, src, t, c, r, p) -> assertThat(ids.add(id)).isTrue(), 100);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ids).hasSize(producers * perProducer);
        assertThat(ring.pending()).isZero();
    }

    @Test
    @Timeout(60)
    void aProducerThatFindsTheRingFullWakesTheConsumer() throws InterruptedException {
        // The consumer sleeps until woken, as the writer sleeps once it has drained everything: only the producer
        // that finds the ring full can wake it, or the test never ends.
        EventRing ring = new EventRing(16);
        int events = 1_000;
        Set<Long> ids = new HashSet<>();
        Thread consumer = new Thread(() -> {
            while (ids.size() < events) {
                if (ring.drain((k, e, run, id, cause, src, t, c, r, p) -> ids.add(id), 100) == 0) {
                    LockSupport.park();
                }
            }
        });
        ring.consumer(consumer);
        consumer.start();
        List<Thread> producer = start(1, p -> {
            for (int i = 1; i <= events; i++) {
                put(ring, 0, "x", "run", i, 0, "src", "t", 0, 0, 0);
            }
        });
        producer.get(0).join();
        // The last records fit without waiting: nothing wakes the consumer for them but a last nudge, as the
        // writer's stop gives.
        while (consumer.isAlive()) {
            LockSupport.unpark(consumer);
            consumer.join(10);
        }
        assertThat(ids).hasSize(events);
        assertThat(ring.pending()).isZero();
    }

    @Test
    void producersThatWaitForHeadroomResumeInOrderAndLoseNothing() throws InterruptedException {
        // 1,024 slots: a producer that finds the ring full waits for 64 free slots, parking up to 256 µs.
        EventRing ring = new EventRing(1_024);
        int producers = 3;
        int perProducer = 30_000;
        List<Thread> threads = start(producers, p -> {
            for (int i = 1; i <= perProducer; i++) {
                put(ring, 0, "x", "run", i, 0, "src", "producer-" + p, 0, 0, 0);
            }
        });
        Map<String, Long> last = new HashMap<>();
        int seen = 0;
        while (seen < producers * perProducer) {
            // Small batches, so that the producers keep finding the ring full.
            seen += ring.drain((k, e, run, id, cause, src, t, c, r, p) ->
                    assertThat(last.put(t, id)).isEqualTo(id == 1 ? null : id - 1), 7);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(last).hasSize(producers).allSatisfy((name, id) -> assertThat(id).isEqualTo(perProducer));
        assertThat(ring.pending()).isZero();
        assertThat(ring.blockedNanos()).isPositive();
    }

    @Test
    void catchingUpReadsWhatDrainingWouldInTheSameOrder() throws InterruptedException {
        // The writer switches between the two as it falls behind and catches up, mid-lap.
        EventRing ring = new EventRing(64);
        int events = 50_000;
        List<Thread> threads = start(1, p -> {
            for (int i = 1; i <= events; i++) {
                put(ring, 0, "x", "run", i, i - 1, "src", "t", i, 0, 0);
            }
        });
        List<Long> ids = new ArrayList<>();
        EventRing.SlotReader reader = (k, e, run, id, cause, src, t, c, r, p) -> {
            assertThat(cause).isEqualTo(id - 1);
            assertThat(c).isEqualTo(id);
            ids.add(id);
        };
        for (int batch = 0; ids.size() < events; batch++) {
            if (batch % 2 == 0) {
                ring.drain(reader, 5 + batch % 11);
            } else {
                ring.catchUp(reader, 5 + batch % 13);
            }
        }
        threads.get(0).join();
        assertThat(ids).hasSize(events).isSorted().first().isEqualTo(1L);
        assertThat(ring.pending()).isZero();
    }

    @Test
    void offerRefusesWhenFullWithoutTakingASlot() {
        EventRing ring = new EventRing(2);
        assertThat(offer(ring, 0, "a", "run", 1, 0, "s", "t", 0, 0, 0)).isTrue();
        assertThat(offer(ring, 0, "b", "run", 2, 0, "s", "t", 0, 0, 0)).isTrue();
        assertThat(offer(ring, 0, "c", "run", 3, 0, "s", "t", 0, 0, 0)).isFalse();
        List<Long> ids = new ArrayList<>();
        ring.drain((k, e, run, id, cause, src, t, c, r, p) -> ids.add(id), 10);
        assertThat(ids).containsExactly(1L, 2L);
        assertThat(offer(ring, 0, "d", "run", 4, 0, "s", "t", 0, 0, 0)).isTrue();
    }

    @Test
    void anEventsRecordCarriesItsDeliveriesToTheReaderBeforeItselfLapAfterLap() {
        // Four slots: records of one to three slots wrap around the ring's end at every offset.
        EventRing ring = new EventRing(4);
        Object[] sources = {"unused", "h0", "h1", "h2", "h3"};
        long[] times = {-1, -1, 10, 11, 20, 21, 30, 31, 40, 41};
        List<String> seen = new ArrayList<>();
        EventRing.SlotReader reader = (k, e, run, id, cause, src, t, c, r, p) -> seen.add(
                String.join(" ", "" + k, "" + e, run, "" + id, "" + cause, src, t, "" + c, "" + r, "" + p));
        for (int event = 0; event < 15; event++) {
            int inline = event % (EventRing.MAX_INLINE + 1);
            int threw = event % 3 == 0 ? 0b1010 & (1 << inline) - 1 : 0;
            ring.put(0, "e" + event, "run", event, 7, "publisher", "main", 1, 2, 3, sources, times, 1, inline, threw);
            int records = ring.drain(reader, 100);

            assertThat(records).isEqualTo(inline + 1);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < inline; i++) {
                int kind = EventRing.DELIVERY | ((threw >>> i & 1) != 0 ? EventRing.THREW : 0);
                long received = times[2 * (1 + i)];
                expected.add(String.join(" ", "" + kind, "e" + event, "run", "" + event, "0", "h" + i, "main",
                        "" + received, "" + received, "" + times[2 * (1 + i) + 1]));
            }
            expected.add(String.join(" ", "0", "e" + event, "run", "" + event, "7", "publisher", "main", "1", "2", "3"));
            assertThat(seen).as("event %d with %d deliveries", event, inline).isEqualTo(expected);
            assertThat(ring.pending()).isZero();
            seen.clear();
        }
    }

    @Test
    void aRecordWithDeliveriesIsOfferedOnlyWhenAllItsSlotsAreFree() {
        EventRing ring = new EventRing(4);
        Object[] sources = {"h0", "h1", "h2", "h3"};
        long[] times = new long[8];
        assertThat(offer(ring, 0, "a", "run", 1, 0, "s", "t", 0, 0, 0)).isTrue();
        assertThat(offer(ring, 0, "b", "run", 2, 0, "s", "t", 0, 0, 0)).isTrue();
        // Four deliveries take three slots after the event's own: two are free.
        assertThat(ring.offer(0, "c", "run", 3, 0, "s", "t", 0, 0, 0, sources, times, 0, 4, 0)).isFalse();
        assertThat(ring.offer(0, "c", "run", 3, 0, "s", "t", 0, 0, 0, sources, times, 0, 2, 0)).isTrue();
        assertThat(ring.pending()).isEqualTo(4);
        List<String> kinds = new ArrayList<>();
        assertThat(ring.drain((k, e, run, id, cause, src, t, c, r, p) -> kinds.add(e + ":" + k), 10)).isEqualTo(5);
        assertThat(kinds).containsExactly("a:0", "b:0", "c:1", "c:1", "c:0");
        assertThat(ring.offer(0, "d", "run", 4, 0, "s", "t", 0, 0, 0, sources, times, 0, 4, 0)).isTrue();
    }

    @Test
    void producersOfRecordsWithDeliveriesWaitForSpaceAndLoseNothing() throws InterruptedException {
        EventRing ring = new EventRing(16);
        int producers = 3;
        int perProducer = 20_000;
        List<Thread> threads = start(producers, p -> {
            Object[] sources = {"h0", "h1", "h2", "h3"};
            long[] times = new long[8];
            for (int i = 1; i <= perProducer; i++) {
                for (int d = 0; d < 4; d++) {
                    times[2 * d] = i * 10L + d;
                    times[2 * d + 1] = -i;
                }
                ring.put(0, "x", "run", i, 0, "src", "producer-" + p, 0, 0, 0, sources, times, 0, i % 5, 0);
            }
        });
        Map<String, Long> last = new HashMap<>();
        Map<String, Integer> deliveries = new HashMap<>();
        long records = 0;
        long expected = 0;
        for (int i = 1; i <= perProducer; i++) {
            expected += producers * (1 + i % 5);
        }
        while (records < expected) {
            records += ring.drain((k, e, run, id, cause, src, t, c, r, p) -> {
                if (k == EventRing.DELIVERY) {
                    int d = deliveries.merge(t, 1, Integer::sum) - 1;
                    assertThat(src).isEqualTo("h" + d);
                    assertThat(r).isEqualTo(c).isEqualTo(id * 10 + d);
                    assertThat(p).isEqualTo(-id);
                } else {
                    assertThat(deliveries.getOrDefault(t, 0)).isEqualTo(id % 5);
                    deliveries.remove(t);
                    assertThat(last.put(t, id)).isEqualTo(id == 1 ? null : id - 1);
                }
            }, 7);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(records).isEqualTo(expected);
        assertThat(last).hasSize(producers).allSatisfy((name, id) -> assertThat(id).isEqualTo(perProducer));
        assertThat(ring.pending()).isZero();
    }

    @Test
    void rejectsACapacityThatIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> new EventRing(1000)).hasMessage("capacity must be a power of two, was 1000");
    }

    /** Appends a record that carries no deliveries. */
    private static void put(EventRing ring, int kind, Object event, String run, long id, long cause, Object source,
                            String thread, long created, long received, long processed) {
        ring.put(kind, event, run, id, cause, source, thread, created, received, processed, null, null, 0, 0, 0);
    }

    private static boolean offer(EventRing ring, int kind, Object event, String run, long id, long cause,
                                 Object source, String thread, long created, long received, long processed) {
        return ring.offer(kind, event, run, id, cause, source, thread, created, received, processed, null, null, 0,
                0, 0);
    }

    /** Starts {@code producers} threads, the p-th running {@code producer.accept(p)}. */
    private static List<Thread> start(int producers, IntConsumer producer) {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int index = p;
            Thread t = new Thread(() -> producer.accept(index));
            threads.add(t);
            t.start();
        }
        return threads;
    }
}
