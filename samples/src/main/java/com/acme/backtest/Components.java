package com.acme.backtest;

import com.acme.backtest.execution.CostModel;
import com.acme.backtest.execution.SimulatedBroker;
import com.acme.backtest.marketdata.PriceFeed;
import com.acme.backtest.marketdata.SyntheticPriceFeed;
import com.acme.backtest.performance.EquityCurve;
import com.acme.backtest.performance.PerformanceTracker;
import com.acme.backtest.portfolio.Book;
import com.acme.backtest.risk.OrderApprovals;
import com.acme.backtest.risk.PreTradeCheck;
import com.acme.backtest.risk.RiskLimits;
import com.acme.backtest.strategy.CrossoverSettings;
import com.acme.backtest.strategy.CrossoverSignals;

/**
 * The parts of one backtest that do not care how events travel: the price feed, and the logic of the strategy,
 * the book, the risk check, the broker and the performance record. Every engine wraps the same parts in handlers
 * for its own kind of bus, so all engines trade alike. Build a new set for every run: the parts hold its state,
 * event ids included.
 */
public final class Components {

    public static final CrossoverSettings DEFAULT_STRATEGY = new CrossoverSettings(10, 30, 14, 0.02, 20, 0.45);

    private static final double INITIAL_CASH = 1_000_000;
    // Daily bars built from the 30-second steps of a 6.5-hour session: fine enough that a bar's high and low
    // are close to those of a continuous path. This simulation is most of the run time.
    private static final int INTRADAY_STEPS = 780;
    private static final int BARS_PER_YEAR = 252;
    private static final double POSITION_FRACTION = 0.10;
    private static final RiskLimits LIMITS = new RiskLimits(0.12, 1.4);
    private static final CostModel COSTS = new CostModel(5, 0.005, 1.0);

    private final BacktestConfig config;
    private final PriceFeed feed;
    private final CrossoverSignals signals;
    private final Book book;
    private final PreTradeCheck check;
    private final SimulatedBroker broker;
    private final PerformanceTracker tracker;

    /** The default strategy on the market the config simulates. */
    public Components(BacktestConfig config) {
        this(config, DEFAULT_STRATEGY, simulatedMarket(config));
    }

    /** @param feed  the config's market, simulated or replayed; it is read for {@code config.bars()} days */
    public Components(BacktestConfig config, CrossoverSettings strategy, PriceFeed feed) {
        this.config = config;
        this.feed = feed;
        this.signals = new CrossoverSignals(strategy);
        this.book = new Book(INITIAL_CASH, POSITION_FRACTION);
        // Shared by the risk check and the broker: the broker fills only what the check approved.
        OrderApprovals approvals = new OrderApprovals();
        this.check = new PreTradeCheck(book, LIMITS, approvals);
        this.broker = new SimulatedBroker(COSTS, approvals);
        this.tracker = new PerformanceTracker(book);
    }

    /** A new simulation of the config's market: its symbols, from its seed. */
    public static PriceFeed simulatedMarket(BacktestConfig config) {
        return new SyntheticPriceFeed(config.symbols(), config.seed(), INTRADAY_STEPS);
    }

    public BacktestConfig config() {
        return config;
    }

    public PriceFeed feed() {
        return feed;
    }

    public CrossoverSignals signals() {
        return signals;
    }

    public Book book() {
        return book;
    }

    public PreTradeCheck check() {
        return check;
    }

    public SimulatedBroker broker() {
        return broker;
    }

    public PerformanceTracker tracker() {
        return tracker;
    }

    /** The run's results; call once, after the last day's events were all handled. */
    Results results(long eventsPublished) {
        EquityCurve curve = tracker.finish();
        double finalEquity = curve.last();
        return new Results(eventsPublished, broker.fillCount(), check.breachCount(), finalEquity,
                finalEquity / INITIAL_CASH - 1, curve.sharpeRatio(BARS_PER_YEAR), curve.maxDrawdown());
    }
}
