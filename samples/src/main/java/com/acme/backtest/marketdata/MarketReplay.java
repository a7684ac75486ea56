package com.acme.backtest.marketdata;

import com.acme.backtest.events.BarEvent;

import java.util.ArrayList;
import java.util.List;

/** One backtest's feed from a {@link MarketRecording}: the recorded days in order, as new events. */
final class MarketReplay implements PriceFeed {

    private final MarketRecording recording;
    private int day;

    MarketReplay(MarketRecording recording) {
        this.recording = recording;
    }

    @Override
    public List<BarEvent> nextBars() {
        if (day == recording.days()) {
            throw new IllegalStateException("the recording holds " + recording.days() + " days, all replayed");
        }
        List<BarEvent> bars = new ArrayList<>(recording.symbolCount());
        for (int s = 0; s < recording.symbolCount(); s++) {
            bars.add(recording.bar(day, s));
        }
        day++;
        return bars;
    }
}
