package dev.evtrace.benchmarks;

import dev.evtrace.benchmarks.process.Directories;
import dev.evtrace.benchmarks.process.Machine;
import dev.evtrace.benchmarks.process.Stats;
import dev.evtrace.store.Delivery;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.Payload;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterOptions;
import dev.evtrace.store.journal.Journal;
import dev.evtrace.store.journal.JournalRecovery;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.avro.generic.GenericRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The store writer's throughput on one core (issue 5: ≥ 2,000,000 events/s): events shaped like the
 * reference backtest's (bars of 20 symbols with prices in cents, volumes and a signal → order → fill chain now
 * and then, payloads typed as the agent hands them over), built in memory first, then written by one thread
 * through {@link EventDatasetWriter} into a fresh local store, round after round. Events alone, and events
 * with the reference run's 3.7 handler deliveries each. It prints the CPU time of the writing thread per
 * event, events per CPU second, and bytes on disk per event, with the load average of each round.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.evtrace.benchmarks.WriterThroughput --events 2000000 --rounds 5 [--parquet-avro]
 * </pre>
 */
@Command(name = "WriterThroughput", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes sample-shaped events through the store writer on one thread and prints events per CPU second.")
public final class WriterThroughput implements Callable<Integer> {
    private static final int SYMBOLS = 20;
    private static final String[] HANDLERS = {"com.acme.backtest.strategy.MovingAverageCrossoverStrategy",
            "com.acme.backtest.portfolio.Portfolio", "com.acme.backtest.risk.RiskManager",
            "com.acme.backtest.execution.SimulatedBroker"};

    @Option(names = "--events", defaultValue = "2000000", description = "events a round (default: ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--rounds", defaultValue = "5", description = "measured rounds after one warm-up (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--journal", description = "also write events with deliveries through the crash-safe journal "
            + "(tracer.store.journal), emptied every 200,000 events as a roll would, and report its added CPU")
    boolean journal;

    @Option(names = "--parquet-avro", description = "also write the events (alone) as parquet-avro generic records, "
            + "the yardstick of issue 5, and report its CPU an event beside the store writer's")
    boolean parquetAvro;

    @Option(names = "--dir", description = "where the stores go (default: a temporary directory)")
    Path dir;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new WriterThroughput()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        List<TracedEvent> recorded = events(events);
        List<Delivery> deliveries = deliveries(recorded);
        Path root = dir != null ? dir : Files.createTempDirectory("writer-throughput");
        out.printf(Locale.ROOT, "%,d events, %,d deliveries (%.2f an event), %d rounds after a warm-up%n",
                recorded.size(), deliveries.size(), (double) deliveries.size() / recorded.size(), rounds);
        List<Double> eventsOnly = new ArrayList<>();
        List<Double> withDeliveries = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        List<Double> journaled = new ArrayList<>();
        List<Double> avro = new ArrayList<>();
        List<GenericRecord> records = parquetAvro ? ParquetAvroBaseline.records(recorded) : List.of();
        for (int round = 0; round <= rounds; round++) {
            if (parquetAvro) {
                double nanos = writeAvro(root.resolve("avro-" + round + ".parquet"), records);
                out.printf(Locale.ROOT, "%s parquet-avro generic records %.0f ns CPU an event (%,.0f events/s)%n",
                        round == 0 ? "warm-up " : "round " + round, nanos, 1e9 / nanos);
                if (round > 0) {
                    avro.add(nanos);
                }
            }
            Result alone = write(root.resolve("events-" + round), recorded, List.of(), false);
            Result both = write(root.resolve("both-" + round), recorded, deliveries, false);
            if (journal) {
                Result withJournal = write(root.resolve("journal-" + round), recorded, deliveries, true);
                out.printf(Locale.ROOT, "%s with deliveries and the journal %.0f ns CPU an event (%+.0f ns)%n",
                        round == 0 ? "warm-up " : "round " + round, withJournal.nanosPerEvent,
                        withJournal.nanosPerEvent - both.nanosPerEvent);
                if (round > 0) {
                    journaled.add(withJournal.nanosPerEvent - both.nanosPerEvent);
                }
            }
            out.printf(Locale.ROOT, "%s events alone %.0f ns CPU an event (%,.0f events/s), with deliveries %.0f ns "
                            + "(%,.0f events/s), %.2f B/event on disk; load %s%n",
                    round == 0 ? "warm-up " : "round " + round, alone.nanosPerEvent, 1e9 / alone.nanosPerEvent,
                    both.nanosPerEvent, 1e9 / both.nanosPerEvent, both.bytesPerEvent, Machine.loadAverage());
            if (round > 0) {
                eventsOnly.add(alone.nanosPerEvent);
                withDeliveries.add(both.nanosPerEvent);
                bytes.add(both.bytesPerEvent);
            }
        }
        double alone = Stats.median(eventsOnly);
        double both = Stats.median(withDeliveries);
        out.printf(Locale.ROOT, "median: events alone %.0f ns an event = %,.0f events/s; with deliveries %.0f ns = "
                + "%,.0f events/s; %.2f B/event%n", alone, 1e9 / alone, both, 1e9 / both, Stats.median(bytes));
        if (journal) {
            out.printf(Locale.ROOT, "median: the journal adds %.0f ns of CPU an event, deliveries included%n",
                    Stats.median(journaled));
        }
        if (parquetAvro) {
            double baseline = Stats.median(avro);
            out.printf(Locale.ROOT, "median: parquet-avro %.0f ns an event = %,.0f events/s; the store writer %.1fx as fast%n",
                    baseline, 1e9 / baseline, baseline / alone);
        }
        if (dir == null) {
            Directories.delete(root);
        }
        return 0;
    }

    private record Result(double nanosPerEvent, double bytesPerEvent) {}

    private static double writeAvro(Path file, List<GenericRecord> records) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        ParquetAvroBaseline.write(file, records);
        long cpu = threads.getCurrentThreadCpuTime() - start;
        Files.delete(file);
        return (double) cpu / records.size();
    }

    private static Result write(Path store, List<TracedEvent> events, List<Delivery> deliveries, boolean journaled)
            throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        try (EventDatasetWriter writer = new EventDatasetWriter(store.toString(),
                new WriterOptions("bench", 1_000_000, Map.of()));
             Journal journal = journaled ? Journal.create(store.resolve(JournalRecovery.DIR), "bench") : null) {
            int d = 0;
            int sinceCheckpoint = 0;
            for (TracedEvent e : events) {
                if (journal != null) {
                    journal.append(e);
                }
                writer.write(e);
                while (d < deliveries.size() && deliveries.get(d).eventId() == e.eventId()) {
                    if (journal != null) {
                        journal.append(deliveries.get(d));
                    }
                    writer.write(deliveries.get(d++));
                }
                if (journal != null && ++sinceCheckpoint == 200_000) {
                    journal.checkpoint(0, 0);
                    sinceCheckpoint = 0;
                }
            }
        }
        long cpu = threads.getCurrentThreadCpuTime() - start;
        long size = Directories.bytes(store);
        Directories.delete(store);
        return new Result((double) cpu / events.size(), (double) size / events.size());
    }

    /** A bar per symbol a minute; after every 50th bar a signal, its order and the order's fill. */
    static List<TracedEvent> events(int n) {
        SplittableRandom random = new SplittableRandom(42);
        long[] cents = new long[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            cents[s] = 2_000 + random.nextInt(18_000);
        }
        List<TracedEvent> events = new ArrayList<>(n);
        long t = 1_764_000_000_000_000L;
        long market = 1_104_786_000_000L;
        while (events.size() < n) {
            for (int s = 0; s < SYMBOLS && events.size() < n; s++) {
                long open = cents[s] + random.nextInt(-100, 101);
                long close = open + random.nextInt(-200, 201);
                long high = Math.max(open, close) + random.nextInt(150);
                long low = Math.min(open, close) - random.nextInt(150);
                cents[s] = Math.max(100, close);
                Payload bar = Payload.builder(8).text("type", "BAR").longValue("timestamp", market)
                        .text("symbol", symbol(s)).doubleValue("open", open / 100.0).doubleValue("high", high / 100.0)
                        .doubleValue("low", low / 100.0).doubleValue("close", close / 100.0)
                        .longValue("volume", 200_000 + random.nextInt(5_000_000)).build();
                t += 8 + random.nextInt(6);
                long barId = add(events, "BAR", TracedEvent.ABSENT, "com.acme.backtest.marketdata.SyntheticPriceFeed",
                        t, bar);
                if (barId % 50 == 0 && events.size() + 3 <= n) {
                    t += 3;
                    long signal = add(events, "SIGNAL", barId, HANDLERS[0], t, Payload.builder(3)
                            .text("symbol", symbol(s)).text("direction", "LONG").doubleValue("strength", 0.5).build());
                    long order = add(events, "ORDER", signal, HANDLERS[2], t + 2, Payload.builder(3)
                            .text("symbol", symbol(s)).text("side", "BUY").longValue("quantity", 100).build());
                    add(events, "FILL", order, HANDLERS[3], t + 4, Payload.builder(3).text("symbol", symbol(s))
                            .doubleValue("price", close / 100.0).longValue("quantity", 100).build());
                    t += 6;
                }
            }
            market += 86_400_000L;
        }
        return events;
    }

    private static long add(List<TracedEvent> events, String type, long cause, String source, long t, Payload data) {
        long id = events.size() + 1;
        events.add(new TracedEvent(id, type, t, "backtest-bench", cause, source, t, t + 1, t + 2, t + 5, data,
                TracedEvent.CURRENT_VERSION, id, ""));
        return id;
    }

    /** Every bar reaches three handlers and the others one, so the mix averages about 3.7 (hence 4 on a bar). */
    private static List<Delivery> deliveries(List<TracedEvent> events) {
        List<Delivery> deliveries = new ArrayList<>();
        for (TracedEvent e : events) {
            int handlers = e.eventType().equals("BAR") ? 4 : 1;
            for (int h = 0; h < handlers; h++) {
                deliveries.add(new Delivery(e.correlationId(), e.eventId(), e.eventType(), HANDLERS[h], "main",
                        e.receivedAt() + h, e.receivedAt() + h + 1, false));
            }
        }
        return deliveries;
    }

    private static String symbol(int s) {
        return String.format(Locale.ROOT, "SYM%03d", s);
    }
}
