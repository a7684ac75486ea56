package com.acme.backtest.guava;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one thread an AsyncEventBus runs every subscriber call on, in the order the calls were queued, and a way
 * to wait until it has nothing left to do. A subscriber that posts queues its calls before its own call ends,
 * so the count of unfinished calls reaches zero only once the whole cascade is done.
 */
final class HandlerThread implements Executor {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> new Thread(task, "guava-async"));
    private final Object lock = new Object();
    private int unfinished; // guarded by lock

    @Override
    public void execute(Runnable call) {
        synchronized (lock) {
            unfinished++;
        }
        thread.execute(() -> {
            try {
                call.run();
            } finally {
                finished();
            }
        });
    }

    /**
     * Keeps the thread from starting on what is queued from now on until the returned latch is counted down:
     * the poster can queue a batch first and have it run as a whole.
     */
    CountDownLatch hold() {
        CountDownLatch released = new CountDownLatch(1);
        execute(() -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                // Interrupted only by close(), when nothing more will run.
                Thread.currentThread().interrupt();
            }
        });
        return released;
    }

    /** Returns once every call queued so far, and every call those queued in turn, has finished. */
    void awaitIdle() {
        synchronized (lock) {
            while (unfinished > 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the guava-async thread", e);
                }
            }
        }
    }

    /** Stops the thread, interrupting a hold that was never released, so a failed run cannot hang the program. */
    void close() {
        thread.shutdownNow();
    }

    private void finished() {
        synchronized (lock) {
            unfinished--;
            if (unfinished == 0) {
                lock.notifyAll();
            }
        }
    }
}
