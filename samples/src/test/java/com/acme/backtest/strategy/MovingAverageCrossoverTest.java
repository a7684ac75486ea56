package com.acme.backtest.strategy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovingAverageCrossoverTest {

    // Fast 2, slow 4. Averages per price, once the slow one is warmed up at the 4th price:
    //   10 10 10 10 -> fast 10,   slow 10    touching: no side yet
    //   8           -> fast 9,    slow 9.5   below
    //   8           -> fast 8,    slow 9     below
    //   12          -> fast 10,   slow 9.5   above: UP
    //   14          -> fast 13,   slow 10.5  above
    //   8           -> fast 11,   slow 10.5  above
    //   6           -> fast 7,    slow 10    below: DOWN
    //   10          -> fast 8,    slow 9.5   below
    @Test
    void reportsUpAndDownExactlyWhereTheFastAverageCrossesTheSlowOne() {
        MovingAverageCrossover crossover = new MovingAverageCrossover(2, 4);

        List<Crossing> crossings = feed(crossover, 10, 10, 10, 10, 8, 8, 12, 14, 8, 6, 10);

        assertThat(crossings).containsExactly(
                Crossing.NONE, Crossing.NONE, Crossing.NONE, Crossing.NONE, Crossing.NONE, Crossing.NONE,
                Crossing.UP, Crossing.NONE, Crossing.NONE, Crossing.DOWN, Crossing.NONE);
    }

    @Test
    void doesNotCountTheFirstSideAfterWarmUpAsACrossing() {
        MovingAverageCrossover crossover = new MovingAverageCrossover(2, 4);

        // A steady rise puts the fast average above the slow one from the first comparable price on.
        assertThat(feed(crossover, 1, 2, 3, 4, 5, 6)).containsOnly(Crossing.NONE);
    }

    @Test
    void treatsTouchingAsStayingOnTheSameSide() {
        MovingAverageCrossover crossover = new MovingAverageCrossover(1, 2);

        // fast/slow: 2/1.5 above, 2/2 touching, 2/2 touching, 3/2.5 above again: never crossed.
        assertThat(feed(crossover, 1, 2, 2, 2, 3)).containsOnly(Crossing.NONE);
    }

    @Test
    void rejectsAFastPeriodThatIsNotShorterThanTheSlowOne() {
        assertThatThrownBy(() -> new MovingAverageCrossover(30, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fast period must be shorter");
    }

    private static List<Crossing> feed(MovingAverageCrossover crossover, double... prices) {
        List<Crossing> crossings = new ArrayList<>();
        for (double price : prices) {
            crossings.add(crossover.update(price));
        }
        return crossings;
    }
}
