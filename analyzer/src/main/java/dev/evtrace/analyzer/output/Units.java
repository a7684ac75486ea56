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

    /** The second last formatted, up to its fraction: consecutive events mostly fall within one second. */
    private static Second lastSecond = new Second(0, "1970-01-01T00:00:00.");

    /** Immutable, so that threads sharing {@link #lastSecond} see it whole or not at all. */
    private record Second(long epochSecond, String prefix) {}

    private Units() {}

    /**
     * e.g. 2025-11-24T16:00:00.000010Z, or null when the time is {@link TracedEvent#ABSENT}. The formatter runs once
     * a second of event time, not once an event: printing a run's events formatted each one in full.
     */
    public static String iso(long epochMicros) {
        if (epochMicros == TracedEvent.ABSENT) {
            return null;
        }
        long epochSecond = Math.floorDiv(epochMicros, 1_000_000L);
        Second second = lastSecond;
        if (second.epochSecond() != epochSecond) {
            String whole = ISO_MICROS.format(Instant.ofEpochSecond(epochSecond));
            second = new Second(epochSecond, whole.substring(0, whole.length() - "000000Z".length()));
            lastSecond = second;
        }
        StringBuilder sb = new StringBuilder(second.prefix().length() + 7).append(second.prefix());
        return padded(sb, Math.floorMod(epochMicros, 1_000_000L), 100_000).append('Z').toString();
    }

    /** Microseconds as milliseconds with three decimals, exactly: 10000 → 10.000. */
    public static BigDecimal millis(long micros) {
        return BigDecimal.valueOf(micros, 3);
    }

    /** {@link #millis} as its plain text, without a BigDecimal: a run's events print two each. */
    public static String millisText(long micros) {
        if (micros == Long.MIN_VALUE) {
            return millis(micros).toPlainString();
        }
        StringBuilder sb = new StringBuilder(12);
        if (micros < 0) {
            sb.append('-');
        }
        long abs = Math.abs(micros);
        return padded(sb.append(abs / 1_000).append('.'), abs % 1_000, 100).toString();
    }

    /** Appends {@code value} (less than ten times {@code unit}) in as many digits as {@code unit} has. */
    private static StringBuilder padded(StringBuilder sb, long value, long unit) {
        for (long u = unit; u > 0; u /= 10) {
            sb.append((char) ('0' + value / u % 10));
        }
        return sb;
    }

    /** The mean of {@code count} values summing to {@code sumMicros}, in milliseconds to the microsecond. */
    public static BigDecimal meanMillis(long sumMicros, long count) {
        return BigDecimal.valueOf(sumMicros).divide(BigDecimal.valueOf(count * 1_000L), 3, RoundingMode.HALF_UP);
    }
}
