package dev.evtrace.agent;

import java.util.Queue;

/**
 * Never loaded for its methods: its class file is what {@link Weaver#warmUp} weaves, one method for each kind
 * of advice (a publish method, a handler, a run boundary, an executor, a JDK call that publishes).
 */
final class WarmUpTarget {
    private WarmUpTarget() {}

    void publish(Object event) {}

    void handle(Object event) {}

    void run() {}

    void execute(Runnable task) {}

    void enqueue(Queue<Object> queue, Object event) {
        queue.add(event);
    }
}
