package dev.evtrace.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedTest {
    @Test
    void theDifferenceWithinPairsSeesThroughADriftThatSwampsTheMedians() {
        // The host slows down run by run; B is 0.1 s cheaper than A in every pair.
        List<Double> a = List.of(2.0, 2.5, 3.0, 3.5, 4.0);
        List<Double> b = List.of(1.9, 2.4, 2.9, 3.4, 3.9);

        Paired p = Paired.of(a, b);

        assertThat(p.medianA()).isEqualTo(3.0);
        assertThat(p.medianB()).isEqualTo(2.9);
        assertThat(p.medianDifference()).isCloseTo(-0.1, within(1e-9));
        assertThat(p.bLower()).isEqualTo(5);
        assertThat(p.pairs()).isEqualTo(5);
    }

    @Test
    void countsThePairsInWhichBWasLower() {
        Paired p = Paired.of(List.of(1.0, 1.0, 1.0, 1.0), List.of(0.5, 1.5, 1.0, 0.9));

        assertThat(p.bLower()).isEqualTo(2);
        assertThat(p.medianDifference()).isCloseTo(-0.05, within(1e-9));
    }

    @Test
    void theSignTestWeighsHowUnevenlyThePairsSplit() {
        // 8 of 8: 2 * (1/2)^8. 6 of 8: 2 * (1 + 8 + 28) / 256. Ties are left out: 5 of 5 among 7 pairs.
        assertThat(Paired.of(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0), List.of(0.9, 0.8, 0.9, 0.7, 0.9, 0.9, 0.5, 0.9))
                .p()).isCloseTo(2.0 / 256, within(1e-12));
        Paired six = Paired.of(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0), List.of(0.9, 0.8, 0.9, 0.7, 0.9, 0.9, 1.5, 1.1));
        assertThat(six.bLower()).isEqualTo(6);
        assertThat(six.bHigher()).isEqualTo(2);
        assertThat(six.p()).isCloseTo(2.0 * 37 / 256, within(1e-12));
        assertThat(Paired.of(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0), List.of(0.9, 0.9, 1.0, 0.9, 1.0, 0.9, 0.9)).p())
                .isCloseTo(2.0 / 32, within(1e-12));
    }

    @Test
    void anEvenSplitIsAsLikelyAsCanBe() {
        assertThat(Paired.of(List.of(1.0, 1.0, 1.0, 1.0), List.of(0.9, 1.1, 0.9, 1.1)).p()).isEqualTo(1.0);
        assertThat(Paired.of(List.of(1.0, 1.0, 1.0), List.of(0.9, 1.1, 0.9)).p()).isEqualTo(1.0);
    }

    @Test
    void allPairsTiedLeaveNothingToTest() {
        Paired p = Paired.of(List.of(0.0, 0.0, 0.0), List.of(0.0, 0.0, 0.0));
        assertThat(p.p()).isNaN();
        assertThat(p.bLower()).isZero();
        assertThat(p.bHigher()).isZero();
    }

    @Test
    void refusesValuesThatAreNotInPairs() {
        assertThatThrownBy(() -> Paired.of(List.of(1.0, 2.0), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired");
    }
}
