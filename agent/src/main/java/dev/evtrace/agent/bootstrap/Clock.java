package dev.evtrace.agent.bootstrap;

/**
 * Wall-clock microseconds that never go backwards within a run: one wall-clock reading at start, then
 * System.nanoTime offsets, so an NTP step mid-run cannot reorder created/emitted/received/processed.
 */
public final class Clock {
    private static final long BASE_MICROS;
    private static final long BASE_NANOS;

    static {
        java.time.Instant now = java.time.Instant.now();
        BASE_NANOS = System.nanoTime();
        BASE_MICROS = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private Clock() {}

    public static long micros() {
        return BASE_MICROS + (System.nanoTime() - BASE_NANOS) / 1_000;
    }
}
