package com.acme.backtest.guava;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class HandlerThreadTest {

    private final HandlerThread thread = new HandlerThread();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        thread.close();
    }

    @Test
    void waitsUntilTheCallsQueuedByCallsHaveRunToo() {
        // Held, so that "second" is queued before "first" runs and queues more, whatever the timing.
        CountDownLatch held = thread.hold();
        thread.execute(() -> {
            calls.add("first");
            thread.execute(() -> {
                calls.add("queued by first");
                thread.execute(() -> calls.add("queued by that"));
            });
        });
        thread.execute(() -> calls.add("second"));
        held.countDown();

        thread.awaitIdle();

        assertThat(calls).containsExactly("first", "second", "queued by first", "queued by that");
    }

    @Test
    void startsNothingQueuedDuringAHoldBeforeItIsReleased() {
        CountDownLatch held = thread.hold();
        thread.execute(() -> calls.add("one"));
        thread.execute(() -> calls.add("two"));

        assertThat(calls).isEmpty();

        held.countDown();
        thread.awaitIdle();
        assertThat(calls).containsExactly("one", "two");
    }

    @Test
    void runsEveryCallOnItsOwnThread() {
        thread.execute(() -> calls.add(Thread.currentThread().getName()));

        thread.awaitIdle();

        assertThat(calls).containsExactly("guava-async");
    }
}
