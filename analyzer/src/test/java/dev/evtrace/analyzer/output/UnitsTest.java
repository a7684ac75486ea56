package dev.evtrace.analyzer.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shortcuts that print a run's events say exactly what the formatter and BigDecimal say. */
class UnitsTest {
    private static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final long T0 = 1_764_000_000_000_000L;

    private static String formatted(long micros) {
        return FORMATTER.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L));
    }

    @Test
    void isoTimesAreTheFormattersWithinASecondAndAcrossSeconds() {
        SplittableRandom random = new SplittableRandom(5);
        long[] edges = {1, -1, 999_999, 1_000_000, T0, T0 + 999_999, T0 + 1_000_000, T0 - 1,
                -62_167_219_200_000_000L, 253_402_300_800_000_000L, 1_000_000_000_000_000_000L};
        for (long micros : edges) {
            assertThat(Units.iso(micros)).as("%d", micros).isEqualTo(formatted(micros));
        }
        long micros = T0;
        for (int i = 0; i < 10_000; i++) {
            micros += random.nextLong(-1_000, 300_000);
            assertThat(Units.iso(micros)).isEqualTo(formatted(micros));
        }
        assertThat(Units.iso(0)).as("absent").isNull();
    }

    @Test
    void millisTextIsThePlainDecimal() {
        SplittableRandom random = new SplittableRandom(9);
        long[] edges = {0, 1, -1, 5, -5, 999, -999, 1_000, -1_000, 1_001, 123_456_789, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long micros : edges) {
            assertThat(Units.millisText(micros)).isEqualTo(BigDecimal.valueOf(micros, 3).toPlainString());
        }
        for (int i = 0; i < 10_000; i++) {
            long micros = random.nextLong(-10_000_000, 10_000_000);
            assertThat(Units.millisText(micros)).isEqualTo(Units.millis(micros).toPlainString());
        }
    }
}
