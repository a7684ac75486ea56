package com.acme.backtest.onebus;

import com.acme.backtest.Components;
import com.acme.backtest.Engine;
import com.acme.backtest.bus.EventBus;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.execution.GatewayExecution;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The synchronous engine with execution behind an exchange gateway: each approved order is filled on the
 * gateway's own thread, which publishes the FILL (and runs its handlers), while the ORDER's handler waits on
 * the main thread. The events and their order are those of --mode sync; only the FILL's thread differs.
 */
public final class GatewayEngine implements Engine {

    private final EventBus bus;
    private final ExecutorService gateway =
            Executors.newSingleThreadExecutor(task -> new Thread(task, "exchange-gateway"));

    public GatewayEngine(Components parts, EventBus bus) {
        this.bus = bus;
        OneBusWiring.subscribe(bus, parts, new GatewayExecution(bus, parts.broker(), gateway));
    }

    @Override
    public void publishDay(List<BarEvent> bars) {
        for (int i = 0; i < bars.size(); i++) {
            bus.publish(bars.get(i));
        }
    }

    /** Read once the run is over: the gateway's last publish happened before the last order handler returned. */
    @Override
    public long eventsPublished() {
        return bus.publishedCount();
    }

    @Override
    public void close() {
        gateway.shutdown();
    }
}
