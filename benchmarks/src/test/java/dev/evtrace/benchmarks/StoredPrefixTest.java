package dev.evtrace.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StoredPrefixTest {
    @Test
    void findsTheGapFreePrefixAndWhatLiesBeyondIt() {
        // stored out of order, as files of different types come back; 5 and 6 were lost, 7 and 9 survived
        long[] sequence = {3, 1, 9, 2, 4, 7};
        long[] created = {3_000, 1_000, 9_000, 2_000, 4_000, 7_000};

        StoredPrefix kept = StoredPrefix.of(sequence, created);

        assertThat(kept.stored()).isEqualTo(6);
        assertThat(kept.prefix()).isEqualTo(4);
        assertThat(kept.prefixCreatedAt()).isEqualTo(4_000);
        assertThat(kept.firstCreatedAt()).isEqualTo(1_000);
        assertThat(kept.beyondPrefix()).isEqualTo(2);
        assertThat(kept.duplicates()).isZero();
        assertThat(kept.eventsPerSecond()).isCloseTo(1_000.0, within(1e-9));
    }

    @Test
    void aRunWhoseFirstEventIsMissingHasAnEmptyPrefix() {
        StoredPrefix kept = StoredPrefix.of(new long[] {2, 3}, new long[] {20, 30});

        assertThat(kept.prefix()).isZero();
        assertThat(kept.beyondPrefix()).isEqualTo(2);
        assertThat(kept.eventsPerSecond()).isNaN();
    }

    @Test
    void countsEventsStoredTwice() {
        StoredPrefix kept = StoredPrefix.of(new long[] {1, 2, 2, 3}, new long[] {10, 20, 20, 30});

        assertThat(kept.duplicates()).isEqualTo(1);
        assertThat(kept.prefix()).isEqualTo(2);
    }
}
