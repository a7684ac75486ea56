package dev.evtrace.benchmarks.bus;

/** A bus whose events reach their handlers only when it is told to deliver them. */
public interface QueuedBus extends Bus {
    void deliver();
}
