package dev.evtrace.analyzer.output;

import dev.evtrace.store.TracedEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the store's epoch microseconds are shown: instants as ISO-8601 UTC, durations as milliseconds. */
public final class Units {
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Units() {}

    /** e.g. 2025-11-24T16:00:00.000010Z, or null when the time is {@link TracedEvent#ABSENT}. */
    public static String iso(long epochMicros) {
        if (epochMicros == TracedEvent.ABSENT) {
            return null;
        }
        return ISO_MICROS.format(Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1_000L));
    }

    /** Microseconds as milliseconds with three decimals, exactly: 10000 → 10.000. */
    public static BigDecimal millis(long micros) {
        return BigDecimal.valueOf(micros, 3);
    }

    /** The mean of {@code count} values summing to {@code sumMicros}, in milliseconds to the microsecond. */
    public static BigDecimal meanMillis(long sumMicros, long count) {
        return BigDecimal.valueOf(sumMicros).divide(BigDecimal.valueOf(count * 1_000L), 3, RoundingMode.HALF_UP);
    }
}
