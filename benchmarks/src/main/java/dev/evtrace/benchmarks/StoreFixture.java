package dev.evtrace.benchmarks;

import dev.evtrace.benchmarks.process.Harness;
import dev.evtrace.store.Delivery;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.Payload;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterIds;
import dev.evtrace.store.WriterOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a large store shaped like the sample backtest's, through the real {@link EventDatasetWriter}, for the
 * read benchmarks of {@link AnalyzerBenchmark}: per run, BARs of 20 symbols (about 88% of the events), and on
 * some bars a SIGNAL → ORDER → FILL → PORTFOLIO chain linked by causation ids, now and then a RISK_BREACH. Each
 * run gets its own writer by default, as each backtest process has its own; {@code --runs-per-writer} puts
 * several runs in one writer's files, one after the other, as a sweep does. The events are the same for a given
 * seed; only the writers' ids, in the file names, differ.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.evtrace.benchmarks.StoreFixture --out /tmp/wt-analyzer/store-10m
 * </pre>
 */
@Command(name = "StoreFixture", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a store of --runs runs of --events-per-run events each, shaped like the sample backtest.")
public final class StoreFixture implements Callable<Integer> {
    /** 2026-11-25T00:00:00Z in epoch microseconds. */
    static final long T0 = 1_795_564_800_000_000L;
    private static final String[] SYMBOLS = {"AAPL", "MSFT", "AMZN", "GOOG", "META", "NVDA", "TSLA", "JPM", "V", "JNJ",
        "WMT", "PG", "XOM", "UNH", "HD", "MA", "BAC", "KO", "PEP", "DIS"};
    private static final String FEED = "main";
    private static final String STRATEGY = "com.acme.backtest.strategy.MovingAverageCrossoverStrategy";
    private static final String PORTFOLIO = "com.acme.backtest.portfolio.Portfolio";
    private static final String EXECUTION = "com.acme.backtest.execution.SimulatedExecution";
    private static final String RISK = "com.acme.backtest.risk.RiskCheck";
    private static final String TRACKER = "com.acme.backtest.performance.PerformanceTracker";

    @Option(names = "--out", required = true, description = "the store directory to write (must not exist)")
    Path out;

    @Option(names = "--runs", defaultValue = "100", description = "default: ${DEFAULT-VALUE}")
    int runs;

    @Option(names = "--events-per-run", defaultValue = "100000", description = "default: ${DEFAULT-VALUE}")
    int eventsPerRun;

    @Option(names = "--runs-per-writer", defaultValue = "1", description = "runs written by one writer, one after "
            + "the other, so its files mix runs (default: ${DEFAULT-VALUE})")
    int runsPerWriter;

    @Option(names = "--deliveries", description = "also write one delivery row per event and handler")
    boolean deliveries;

    @Option(names = "--seed", defaultValue = "42", description = "default: ${DEFAULT-VALUE}")
    long seed;

    private final PrintStream log = System.out;

    public static void main(String[] args) {
        Harness.main("StoreFixture", new StoreFixture(), args);
    }

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out)) {
            throw new IOException(out + " exists; remove it or name another --out");
        }
        SplittableRandom random = new SplittableRandom(seed);
        long started = System.nanoTime();
        EventDatasetWriter writer = null;
        for (int run = 0; run < runs; run++) {
            if (run % runsPerWriter == 0) {
                close(writer);
                writer = new EventDatasetWriter(out.toString(),
                        new WriterOptions(WriterIds.newId(), WriterOptions.DEFAULT_ROLL_EVENTS, Map.of()));
            }
            String runId = String.format(Locale.ROOT, "backtest_20261125_%06d_%08x", run, random.nextInt());
            new RunWriter(writer, runId, T0 + run * 3_600_000_000L, random.split()).write(eventsPerRun);
        }
        close(writer);
        log.printf(Locale.ROOT, "StoreFixture: %,d events in %d runs written to %s in %.1f s%n",
                (long) runs * eventsPerRun, runs, out, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static void close(EventDatasetWriter writer) throws IOException {
        if (writer != null) {
            writer.close();
        }
    }

    /** One run's events, created 50 µs apart, with ids and sequence numbers 1, 2, 3 … as the tracer numbers them. */
    private final class RunWriter {
        private final EventDatasetWriter writer;
        private final String run;
        private final SplittableRandom random;
        private final double[] prices = new double[SYMBOLS.length];
        private long clock;
        private long id;
        private double cash = 1_000_000;

        RunWriter(EventDatasetWriter writer, String run, long start, SplittableRandom random) {
            this.writer = writer;
            this.run = run;
            this.clock = start;
            this.random = random;
            for (int i = 0; i < prices.length; i++) {
                prices[i] = 50 + random.nextDouble() * 450;
            }
        }

        void write(int events) throws IOException {
            while (id < events) {
                int symbol = (int) (id % SYMBOLS.length);
                long bar = emit(events, "BAR", TracedEvent.ABSENT, FEED, bar(symbol), 2);
                if (random.nextDouble() < 0.039) {
                    long signal = emit(events, "SIGNAL", bar, STRATEGY, signal(symbol), 1);
                    if (random.nextDouble() < 0.0045) {
                        emit(events, "RISK_BREACH", signal, RISK, Map.of("symbol", SYMBOLS[symbol], "limit", "max_position"), 0);
                    } else if (random.nextDouble() < 0.85) {
                        long order = emit(events, "ORDER", signal, PORTFOLIO, order(symbol), 1);
                        long fill = emit(events, "FILL", order, EXECUTION, fill(symbol), 2);
                        emit(events, "PORTFOLIO", fill, PORTFOLIO, portfolio(), 1);
                    }
                }
            }
        }

        /** Writes one event (and its deliveries) unless the run is complete; returns its id. */
        private long emit(int events, String type, long cause, String source, Map<String, String> data, int handlers)
                throws IOException {
            if (id >= events) {
                return id;
            }
            long eventId = ++id;
            clock += 40 + random.nextInt(20);
            long created = clock;
            long received = handlers == 0 ? TracedEvent.ABSENT : created + 1 + random.nextInt(5);
            long processed = handlers == 0 ? TracedEvent.ABSENT : received + 2 + random.nextInt(30);
            writer.write(new TracedEvent(eventId, type, created, run, cause, source, created, created, received,
                    processed, data, TracedEvent.CURRENT_VERSION, eventId, ""));
            if (deliveries) {
                for (int h = 0; h < handlers; h++) {
                    writer.write(new Delivery(run, eventId, type, h == 0 ? STRATEGY : TRACKER, "main", received,
                            processed, false));
                }
            }
            return eventId;
        }

        private Map<String, String> bar(int symbol) {
            double open = prices[symbol];
            double close = open * (1 + (random.nextDouble() - 0.5) * 0.01);
            prices[symbol] = close;
            // Typed as the agent hands a bar's fields over: prices in cents and a volume stay numbers.
            return Payload.builder(6).text("symbol", SYMBOLS[symbol]).doubleValue("open", cents(open))
                    .doubleValue("high", cents(Math.max(open, close) * (1 + random.nextDouble() * 0.002)))
                    .doubleValue("low", cents(Math.min(open, close) * (1 - random.nextDouble() * 0.002)))
                    .doubleValue("close", cents(close)).longValue("volume", 1_000 + random.nextInt(1_000_000))
                    .build();
        }

        private Map<String, String> signal(int symbol) {
            return Map.of("symbol", SYMBOLS[symbol], "direction", random.nextBoolean() ? "LONG" : "SHORT",
                    "strength", price(random.nextDouble()));
        }

        private Map<String, String> order(int symbol) {
            return Map.of("symbol", SYMBOLS[symbol], "side", random.nextBoolean() ? "BUY" : "SELL",
                    "quantity", Integer.toString(100 * (1 + random.nextInt(10))), "order_type", "MARKET");
        }

        private Map<String, String> fill(int symbol) {
            return Map.of("symbol", SYMBOLS[symbol], "quantity", Integer.toString(100 * (1 + random.nextInt(10))),
                    "price", price(prices[symbol]), "commission", price(random.nextDouble() * 5));
        }

        private Map<String, String> portfolio() {
            cash += (random.nextDouble() - 0.5) * 10_000;
            return Map.of("cash", price(cash), "equity", price(cash * (1 + random.nextDouble() * 0.1)));
        }
    }

    private static double cents(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String price(double value) {
        // String.format would cost more than writing the event.
        return Double.toString(Math.round(value * 10_000) / 10_000.0);
    }
}
