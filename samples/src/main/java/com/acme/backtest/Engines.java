package com.acme.backtest;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.QueuedEventBus;
import com.acme.backtest.containers.ContainerEngine;
import com.acme.backtest.guava.AsyncGuavaEngine;
import com.acme.backtest.guava.GuavaEngine;
import com.acme.backtest.onebus.GatewayEngine;
import com.acme.backtest.onebus.QueuedEngine;
import com.acme.backtest.onebus.SyncEngine;
import com.acme.backtest.queue.QueueEngine;
import com.google.common.eventbus.AsyncEventBus;

import java.util.ArrayDeque;

/**
 * The engine the command line asks for, around one run's components.
 *
 * <p>Each mode's classes load only when it runs: this method returns every engine as {@link Engine}, an
 * interface, so verifying it loads none of them, and a default run loads exactly the classes it always did
 * (one bus class, the five handlers), which is what a tracer instrumenting bus subclasses will count.
 */
final class Engines {

    private Engines() {
    }

    static Engine create(Mode mode, BusKind bus, Components parts) {
        return switch (mode) {
            case SYNC -> switch (bus) {
                case OWN -> new SyncEngine(parts, new EventBus());
                case GUAVA -> new GuavaEngine(parts, com.google.common.eventbus.EventBus::new);
                case GUAVA_ASYNC -> new AsyncGuavaEngine(parts, AsyncEventBus::new);
                case QUEUE -> new QueueEngine(parts, new ArrayDeque<>());
            };
            case QUEUED -> new QueuedEngine(parts, new QueuedEventBus());
            case EXECUTOR -> new GatewayEngine(parts, new EventBus());
            case CONTAINERS -> new ContainerEngine(parts, EventBus::new);
            case PARALLEL, SEQUENTIAL -> throw new IllegalArgumentException(
                    "--mode " + mode.flag() + " runs a sweep of engines, not one");
        };
    }
}
