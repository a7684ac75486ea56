package com.acme.backtest.marketdata;

import com.acme.backtest.events.BarEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketRecordingTest {

    @Test
    void replaysTheSimulatedBarsFieldByField() {
        MarketRecording recording = MarketRecording.record(new SyntheticPriceFeed(3, 9, 20), 5);
        SyntheticPriceFeed simulation = new SyntheticPriceFeed(3, 9, 20);
        PriceFeed replay = recording.replay();

        for (int day = 0; day < 5; day++) {
            assertThat(replay.nextBars()).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(simulation.nextBars());
        }
    }

    @Test
    void makesNewEventsForEveryReplay() {
        MarketRecording recording = MarketRecording.record(new SyntheticPriceFeed(2, 9, 20), 1);

        List<BarEvent> first = recording.replay().nextBars();
        List<BarEvent> second = recording.replay().nextBars();

        assertThat(first.get(0)).isNotSameAs(second.get(0)).usingRecursiveComparison().isEqualTo(second.get(0));
    }

    @Test
    void refusesToReplayPastItsLastDay() {
        PriceFeed replay = MarketRecording.record(new SyntheticPriceFeed(2, 9, 20), 1).replay();
        replay.nextBars();

        assertThatThrownBy(replay::nextBars).isInstanceOf(IllegalStateException.class)
                .hasMessage("the recording holds 1 days, all replayed");
    }
}
