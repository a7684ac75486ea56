package dev.evtrace.analyzer.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An ISO-8601 time as epoch microseconds, the store's unit: 2025-11-24T16:00:00Z, with an offset
 * (2025-11-24T17:00:00+01:00), without one (read as UTC, like every time the analyzer prints), or a bare
 * date (its first instant, UTC).
 */
final class IsoTime implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        Instant instant = parse(value.trim());
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static Instant parse(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new TypeConversionException(
                            "expected an ISO-8601 time such as 2025-11-24T16:00:00Z but was '" + value + "'");
                }
            }
        }
    }
}
