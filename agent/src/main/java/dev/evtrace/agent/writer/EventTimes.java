package dev.evtrace.agent.writer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.function.Consumer;

/**
 * An event's own time ({@code tracer.event.timestamp}, e.g. {@code getTimestamp}): the market time of a
 * backtest, mapped into the {@code timestamp} column as epoch microseconds. A number is read as epoch
 * milliseconds; Instant, Date and the java.time date-times are read as they are (a LocalDateTime as UTC).
 */
final class EventTimes {
    private final EventAccessor accessor;

    EventTimes(String accessorName, Consumer<String> warn) {
        this.accessor = accessorName.isEmpty() ? null : new EventAccessor(accessorName, "tracer.event.timestamp", warn);
    }

    /** The event's time in epoch microseconds, or {@code fallback} when it has none. */
    long timeOf(Object event, long fallback) {
        if (accessor == null) {
            return fallback;
        }
        Object value = accessor.read(event);
        if (value instanceof Number n) {
            return n.longValue() * 1_000;
        }
        Instant instant = null;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof Date d) {
            instant = d.toInstant();
        } else if (value instanceof LocalDateTime t) {
            instant = t.toInstant(ZoneOffset.UTC);
        } else if (value instanceof ZonedDateTime t) {
            instant = t.toInstant();
        } else if (value instanceof OffsetDateTime t) {
            instant = t.toInstant();
        }
        return instant == null ? fallback : instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
