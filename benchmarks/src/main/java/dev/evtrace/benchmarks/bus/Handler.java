package dev.evtrace.benchmarks.bus;

/** What a bus delivers to; the tracer's handler advice goes on {@link #handle}. */
public interface Handler {
    void handle(Object event);

    /** Deliveries so far: read after a run, so the work in {@link #handle} is not dead code. */
    long handled();
}
