package com.acme.backtest.guava;

import com.acme.backtest.Components;
import com.acme.backtest.Engine;
import com.acme.backtest.events.BarEvent;
import com.google.common.eventbus.AsyncEventBus;
import com.google.common.eventbus.SubscriberExceptionHandler;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * The backtest on Guava's {@link AsyncEventBus}: the main thread posts the bars, and every subscriber call runs
 * on one "guava-async" thread, events posted by subscribers included, first queued, first run.
 *
 * <p>Deterministic by two waits a day. The handler thread is held until the whole day is posted: AsyncEventBus
 * queues through one queue shared by all posting threads, so were the thread to start on the first bar at once,
 * the events its subscribers post would interleave with the remaining bars as timing falls. And the main
 * thread waits for the thread to go idle before the next day, which also orders its reads of the components
 * after the thread's writes.
 */
public final class AsyncGuavaEngine implements Engine {

    private final HandlerThread handlers = new HandlerThread();
    private final SubscriberFailures failures = new SubscriberFailures();
    private final AsyncEventBus bus;
    private final GuavaEventCounter published;

    /** @param newBus makes the bus, given the thread to run subscribers on and the handler of their failures */
    public AsyncGuavaEngine(Components parts,
                            BiFunction<Executor, SubscriberExceptionHandler, AsyncEventBus> newBus) {
        this.bus = newBus.apply(handlers, failures);
        this.published = GuavaWiring.register(bus, parts);
    }

    @Override
    public void publishDay(List<BarEvent> bars) {
        CountDownLatch dayPosted = handlers.hold();
        for (int i = 0; i < bars.size(); i++) {
            bus.post(bars.get(i));
        }
        dayPosted.countDown();
        handlers.awaitIdle();
        failures.rethrow();
    }

    @Override
    public long eventsPublished() {
        return published.count();
    }

    @Override
    public void close() {
        handlers.close();
    }
}
