package com.acme.backtest.execution;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.EventHandler;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.OrderEvent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The broker behind an exchange gateway: an approved ORDER is handed to the gateway's thread, which fills it and
 * publishes the FILL there, so the FILL's own handlers run on that thread too. This handler waits until that is
 * done, so the bus sees the same events in the same order as with {@link SimulatedExecution}.
 *
 * <p>The bus and the components are not thread-safe, and need not be: only one thread uses them at a time, and
 * handing the task over and waiting for its future order the two threads' accesses (happens-before both ways).
 */
public final class GatewayExecution implements EventHandler {

    private final EventBus bus;
    private final SimulatedBroker broker;
    private final ExecutorService gateway;

    public GatewayExecution(EventBus bus, SimulatedBroker broker, ExecutorService gateway) {
        this.bus = bus;
        this.broker = broker;
        this.gateway = gateway;
    }

    @Override
    public void handle(Event event) {
        switch (event.getType()) {
            case BAR -> broker.onBar((BarEvent) event);
            case ORDER -> {
                OrderEvent order = (OrderEvent) event;
                if (broker.accept(order)) {
                    await(gateway.submit(() -> bus.publish(broker.fill(order))));
                }
            }
            default -> throw new IllegalArgumentException("execution does not handle " + event.getType());
        }
    }

    private static void await(Future<?> fill) {
        try {
            fill.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the exchange gateway", e);
        } catch (ExecutionException e) {
            // The gateway task runs this bus's handlers: let their failure surface as if they had run here.
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
