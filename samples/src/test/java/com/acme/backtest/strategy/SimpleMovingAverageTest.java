package com.acme.backtest.strategy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SimpleMovingAverageTest {

    @Test
    void averagesOnlyTheLastPeriodPrices() {
        SimpleMovingAverage average = new SimpleMovingAverage(3);
        average.add(1);
        average.add(2);
        average.add(3);
        assertThat(average.value()).isCloseTo(2, within(1e-12));

        average.add(10);
        assertThat(average.value()).isCloseTo(5, within(1e-12));

        average.add(20);
        average.add(30);
        assertThat(average.value()).isCloseTo(20, within(1e-12));
    }

    @Test
    void hasNoValueBeforeAFullPeriod() {
        SimpleMovingAverage average = new SimpleMovingAverage(3);
        average.add(1);
        average.add(2);

        assertThat(average.isReady()).isFalse();
        assertThatThrownBy(average::value).isInstanceOf(IllegalStateException.class);
    }
}
