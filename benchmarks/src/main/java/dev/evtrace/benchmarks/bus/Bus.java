package dev.evtrace.benchmarks.bus;

/** The shape of the sample's bus, as an interface the benchmark can call across class loaders. */
public interface Bus {
    void subscribe(Handler handler);

    void publish(Object event);
}
