package com.acme.backtest;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.events.EventType;
import com.acme.backtest.execution.CostModel;
import com.acme.backtest.execution.SimulatedExecution;
import com.acme.backtest.marketdata.SyntheticPriceFeed;
import com.acme.backtest.performance.EquityCurve;
import com.acme.backtest.performance.PerformanceTracker;
import com.acme.backtest.portfolio.Portfolio;
import com.acme.backtest.risk.OrderApprovals;
import com.acme.backtest.risk.RiskCheck;
import com.acme.backtest.risk.RiskLimits;
import com.acme.backtest.strategy.CrossoverSettings;
import com.acme.backtest.strategy.MovingAverageCrossoverStrategy;

/**
 * One backtest: the components wired to a bus, and the feed that drives them. The chain
 * BAR -> SIGNAL -> ORDER -> FILL -> PORTFOLIO runs as handlers publishing from inside their handlers.
 */
public final class Backtest {

    private static final double INITIAL_CASH = 1_000_000;
    // Daily bars built from the 30-second steps of a 6.5-hour session: fine enough that a bar's high and low
    // are close to those of a continuous path. This simulation is most of the run time.
    private static final int INTRADAY_STEPS = 780;
    private static final int BARS_PER_YEAR = 252;
    private static final CrossoverSettings STRATEGY = new CrossoverSettings(10, 30, 14, 0.02, 20, 0.45);
    private static final double POSITION_FRACTION = 0.10;
    private static final RiskLimits LIMITS = new RiskLimits(0.12, 1.4);
    private static final CostModel COSTS = new CostModel(5, 0.005, 1.0);

    private final BacktestConfig config;
    private final EventBus bus;
    private final SyntheticPriceFeed feed;
    private final Portfolio portfolio;
    private final RiskCheck riskCheck;
    private final SimulatedExecution execution;
    private final PerformanceTracker tracker;
    private boolean ran;

    public Backtest(BacktestConfig config, EventBus bus) {
        this.config = config;
        this.bus = bus;
        this.feed = new SyntheticPriceFeed(bus, config.symbols(), config.seed(), INTRADAY_STEPS);
        this.portfolio = new Portfolio(bus, INITIAL_CASH, POSITION_FRACTION);
        OrderApprovals approvals = new OrderApprovals();
        this.riskCheck = new RiskCheck(bus, portfolio, LIMITS, approvals);
        this.execution = new SimulatedExecution(bus, COSTS, approvals);
        this.tracker = new PerformanceTracker(portfolio);
        MovingAverageCrossoverStrategy strategy = new MovingAverageCrossoverStrategy(bus, STRATEGY);

        // Subscription order is dispatch order, and it matters on BAR: the tracker reads equity before
        // the portfolio marks the new close, and the portfolio and execution must know the close before
        // the strategy reacts to it with a signal that is sized and filled at that close.
        bus.subscribe(EventType.BAR, tracker);
        bus.subscribe(EventType.BAR, portfolio);
        bus.subscribe(EventType.BAR, execution);
        bus.subscribe(EventType.BAR, strategy);
        bus.subscribe(EventType.SIGNAL, portfolio);
        // Risk before execution: execution fills only orders the risk check approved.
        bus.subscribe(EventType.ORDER, riskCheck);
        bus.subscribe(EventType.ORDER, execution);
        bus.subscribe(EventType.FILL, portfolio);
    }

    public Results run() {
        if (ran) {
            throw new IllegalStateException("a backtest runs once; build a new one to run again");
        }
        ran = true;
        for (int bar = 0; bar < config.bars(); bar++) {
            feed.publishNextBars();
        }
        EquityCurve curve = tracker.finish();
        double finalEquity = curve.last();
        return new Results(bus.publishedCount(), execution.fillCount(), riskCheck.breachCount(), finalEquity,
                finalEquity / INITIAL_CASH - 1, curve.sharpeRatio(BARS_PER_YEAR), curve.maxDrawdown());
    }
}
