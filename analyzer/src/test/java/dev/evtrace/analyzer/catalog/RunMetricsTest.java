package dev.evtrace.analyzer.catalog;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static dev.evtrace.analyzer.StoreFixture.data;
import static dev.evtrace.analyzer.StoreFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evtrace.analyzer.catalog.RunMetrics.Performance;
import dev.evtrace.store.TracedEvent;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
    private static final long DAY_MS = 86_400_000L;

    private static TracedEvent fill(long id, String fillId, String side, String quantity, String price) {
        return event("run-a", T0, id, "FILL", id - 1, data("fillId", fillId, "side", side, "quantity", quantity,
                "price", price, "commission", "2"));
    }

    private static TracedEvent portfolio(long id, String fillId, String cash, String equity, long day) {
        return event("run-a", T0, id, "PORTFOLIO", id - 1, data("fillId", fillId, "cash", cash, "equity", equity,
                "timestamp", Long.toString(day * DAY_MS)));
    }

    @Test
    void initialEquityIsTheCashBeforeTheFirstFillWhateverItsSide() {
        RunMetrics metrics = new RunMetrics();
        // A short sale first: cash rises by 10 x 50 less the commission, 2.
        metrics.add(portfolio(2, "7", "50498", "49998", 0));
        metrics.add(fill(1, "7", "SELL", "10", "50"));
        Performance p = metrics.performance();
        assertThat(p.totalReturn()).isCloseTo(49_998.0 / 50_000 - 1, within(1e-12));
        assertThat(p.maxDrawdown()).isCloseTo(2.0 / 50_000, within(1e-12));
        assertThat(p.totalTrades()).isEqualTo(1);
    }

    @Test
    void withoutItsFillTheFirstEquityIsTheStart() {
        RunMetrics metrics = new RunMetrics();
        metrics.add(portfolio(2, "1", "900", "1000", 0));
        metrics.add(portfolio(4, "2", "900", "1100", 1));
        metrics.add(portfolio(6, "3", "900", "990", 2));
        Performance p = metrics.performance();
        assertThat(p.totalReturn()).isCloseTo(-0.01, within(1e-12));
        assertThat(p.maxDrawdown()).isCloseTo(0.1, within(1e-12));
        assertThat(p.totalTrades()).isZero();
    }

    @Test
    void theSharpeRatioUsesTheLastEquityOfEachMarketDay() {
        RunMetrics metrics = new RunMetrics();
        metrics.add(portfolio(2, "1", "0", "1000", 0));
        metrics.add(portfolio(4, "2", "0", "1010", 1));
        metrics.add(portfolio(6, "3", "0", "5000", 1));
        metrics.add(portfolio(8, "4", "0", "1020", 1));
        metrics.add(portfolio(10, "5", "0", "1000", 2));
        // No fill to go back through: the start is the first equity, then the days close at 1000, 1020, 1000.
        double[] returns = {0, 1020.0 / 1000 - 1, 1000.0 / 1020 - 1};
        double mean = (returns[0] + returns[1] + returns[2]) / 3;
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double sd = Math.sqrt(squares / 2);
        assertThat(metrics.performance().sharpeRatio()).isCloseTo(mean / sd * Math.sqrt(252), within(1e-9));
    }

    @Test
    void withoutPortfolioEventsThePerformanceIsUnknownButTradesCount() {
        RunMetrics metrics = new RunMetrics();
        metrics.add(fill(1, "1", "BUY", "1", "1"));
        metrics.add(event("run-a", T0, 3, "PORTFOLIO", 1, data("equity", "n/a")));
        assertThat(metrics.performance()).isEqualTo(new Performance(null, null, null, 1));
    }

    @Test
    void takesConfigAndStrategyFromTheEarliestEventThatCarriesThem() {
        RunMetrics metrics = new RunMetrics();
        metrics.add(event("run-a", T0, 5, "X", 0, data("strategy_type", "late", "configFile", "b.yaml")));
        metrics.add(event("run-a", T0, 2, "X", 0, data("strategyType", "early")));
        assertThat(metrics.strategyType()).isEqualTo("early");
        assertThat(metrics.configFile()).isEqualTo("b.yaml");
        assertThat(new RunMetrics().configFile()).isNull();
    }
}
