package dev.evtrace.agent.bootstrap;

/**
 * Wall-clock microseconds that never go backwards within a run: one wall-clock reading at start, then
 * System.nanoTime offsets, so an NTP step mid-run cannot reorder created/emitted/received/processed.
 *
 * <p>The advice stores raw {@link #ticks()} and the writer thread converts them ({@link #micros(long)}): the
 * conversion's division by 1,000 then costs the program's thread nothing, at up to three readings an event.
 */
public final class Clock {
    /** A moment that has not happened, such as the receipt of an event no handler has received yet. */
    public static final long NONE = Long.MIN_VALUE;

    private static final long BASE_MICROS;
    private static final long BASE_NANOS;

    static {
        java.time.Instant now = java.time.Instant.now();
        BASE_NANOS = System.nanoTime();
        BASE_MICROS = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private Clock() {}

    /** Now, in the clock's own unit. */
    public static long ticks() {
        return System.nanoTime();
    }

    /** {@code ticks} as epoch microseconds; {@link #NONE} as 0, the store's absent moment. */
    public static long micros(long ticks) {
        return ticks == NONE ? 0 : BASE_MICROS + (ticks - BASE_NANOS) / 1_000;
    }

    public static long micros() {
        return micros(ticks());
    }
}
