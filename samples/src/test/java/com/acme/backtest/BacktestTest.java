package com.acme.backtest;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.onebus.SyncEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BacktestTest {

    private static final BacktestConfig SMALL = new BacktestConfig(5, 400, 7);

    @Test
    void sameSeedGivesIdenticalResults() {
        Results first = run(SMALL);
        Results second = run(SMALL);

        assertThat(second).isEqualTo(first);
        assertThat(second.format()).isEqualTo(first.format());
    }

    @Test
    void differentSeedGivesDifferentResults() {
        Results seven = run(SMALL);
        Results eight = run(new BacktestConfig(SMALL.symbols(), SMALL.bars(), 8));

        assertThat(eight.finalEquity()).isNotEqualTo(seven.finalEquity());
    }

    @Test
    void closesTheEngineWhenTheRunIsOver() {
        Components parts = new Components(new BacktestConfig(2, 50, 1));
        ClosingEngine engine = new ClosingEngine(new SyncEngine(parts, new EventBus()));

        new Backtest(parts, engine).run();

        assertThat(engine.closed).isTrue();
    }

    @Test
    void runsOnlyOnce() {
        Components parts = new Components(new BacktestConfig(2, 50, 1));
        Backtest backtest = new Backtest(parts, new SyncEngine(parts, new EventBus()));
        backtest.run();

        assertThatThrownBy(backtest::run).isInstanceOf(IllegalStateException.class);
    }

    private static Results run(BacktestConfig config) {
        Components parts = new Components(config);
        return new Backtest(parts, new SyncEngine(parts, new EventBus())).run();
    }

    /** Passes everything on, and notes that it was closed. */
    private static final class ClosingEngine implements Engine {

        private final Engine engine;
        private boolean closed;

        ClosingEngine(Engine engine) {
            this.engine = engine;
        }

        @Override
        public void publishDay(List<BarEvent> bars) {
            engine.publishDay(bars);
        }

        @Override
        public long eventsPublished() {
            return engine.eventsPublished();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
