package dev.evtrace.benchmarks;

import dev.evtrace.benchmarks.process.Directories;
import dev.evtrace.benchmarks.process.Machine;
import dev.evtrace.benchmarks.process.SampleJars;
import dev.evtrace.benchmarks.process.Stats;
import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.journal.JournalRecovery;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.EventSchema;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code kill -9} of a traced backtest costs (issue 5's crash safety): the sample runs traced and is killed
 * at moments spread over several roll intervals; each time the store is read back and the harness prints how
 * many events are stored, the longest gap-free prefix of the run's sequence numbers (everything published up to
 * its last event is there), and the tail lost after it: the time from that event's creation to the kill, and
 * the events that time held at the run's own publishing rate. It also counts the files the killed writer left
 * unfinished (never visible to readers).
 *
 * <p>Run it from the repository root after {@code mvn -B -q package -DskipTests} (about a minute):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.evtrace.benchmarks.CrashLoss --kills 8
 * </pre>
 */
@Command(name = "CrashLoss", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Kills the traced sample backtest with SIGKILL at several moments and prints what its store kept.")
public final class CrashLoss implements Callable<Integer> {
    private static final Set<String> COLUMNS = Set.of(EventSchema.SEQUENCE_NUMBER, EventSchema.CREATED_AT);

    @Option(names = "--kills", defaultValue = "8", description = "backtests to kill (default: ${DEFAULT-VALUE})")
    int kills;

    @Option(names = "--first-kill", defaultValue = "3.0", description = "seconds after launch of the first kill (default: ${DEFAULT-VALUE})")
    double firstKill;

    @Option(names = "--last-kill", defaultValue = "9.0",
            description = "seconds after launch of the last kill; the others are spread evenly between (default: ${DEFAULT-VALUE})")
    double lastKill;

    @Mixin
    SampleJars jars;

    @Option(names = "--jvm-option", description = "an option for every run's JVM, e.g. --jvm-option=-Dtracer.store.roll.seconds=5 (repeatable)")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--recover", description = "run the traced sample with tracer.store.journal=true and recover its "
            + "journal after each kill, before reading the store (as analyzer recover does)")
    boolean recover;

    @Parameters(paramLabel = "SAMPLE_ARG", description = "after --, the sample's arguments (default: --symbols 20 --bars 200000 --seed 42)")
    List<String> sampleArgs = new ArrayList<>(List.of("--symbols", "20", "--bars", "200000", "--seed", "42"));

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CrashLoss()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path scratch = Files.createTempDirectory("crash-loss");
        List<Double> lostMillis = new ArrayList<>();
        List<Double> lostEvents = new ArrayList<>();
        out.printf(Locale.ROOT, "%-8s %-5s %10s %10s %8s %10s %10s %11s %11s%n", "kill_s", "load", "stored", "prefix",
                "beyond", "dupl", "lost_ms", "lost_events", "unfinished");
        try {
            for (int k = 0; k < kills; k++) {
                double after = kills == 1 ? firstKill : firstKill + k * (lastKill - firstKill) / (kills - 1);
                Path store = scratch.resolve("store-" + k);
                String load = Machine.loadAverage();
                long killedAt = runAndKill(store, after, scratch);
                long unfinished = unfinished(store);
                if (recover) {
                    JournalRecovery.recover(store.toString());
                }
                StoredPrefix kept = read(store);
                double millis = kept.prefix() == 0 ? Double.NaN : (killedAt - kept.prefixCreatedAt()) / 1000.0;
                double events = millis * kept.eventsPerSecond() / 1000.0;
                lostMillis.add(millis);
                lostEvents.add(events);
                out.printf(Locale.ROOT, "%-8.2f %-5s %10d %10d %8d %10d %10.0f %11.0f %11d%n", after, load, kept.stored(),
                        kept.prefix(), kept.beyondPrefix(), kept.duplicates(), millis, events, unfinished);
                Directories.delete(store);
            }
        } finally {
            Directories.delete(scratch);
        }
        // A kill before the first file was completed stores nothing: its loss is the whole run so far, not a tail.
        long empty = lostMillis.stream().filter(v -> v.isNaN()).count();
        lostMillis.removeIf(v -> v.isNaN());
        lostEvents.removeIf(v -> v.isNaN());
        out.printf(Locale.ROOT, "lost after the gap-free prefix: median %.0f ms (%.0f events), max %.0f ms (%.0f events);"
                + " %d of %d kills came before anything was stored%n", Stats.median(lostMillis), Stats.median(lostEvents),
                max(lostMillis), max(lostEvents), empty, kills);
        return 0;
    }

    /** Starts the traced sample, kills it {@code afterSeconds} after launch, and returns the kill's time in epoch µs. */
    private long runAndKill(Path store, double afterSeconds, Path scratch) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-javaagent:" + jars.tracerJar());
        command.add("-Dtracer.config=" + jars.tracerConfig());
        command.add("-Dtracer.store=" + store);
        command.addAll(jvmOptions);
        if (recover) {
            command.add("-Dtracer.store.journal=true");
        }
        command.add("-jar");
        command.add(jars.samplesJar().toString());
        command.addAll(sampleArgs);
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(scratch.resolve("stderr.txt").toFile()).redirectInput(new File("/dev/null")).start();
        try {
            if (process.waitFor((long) (afterSeconds * 1000), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the backtest ended before the kill at " + afterSeconds
                        + " s: give it more bars (" + Files.readString(scratch.resolve("stderr.txt")).strip() + ")");
            }
            Instant now = Instant.now();
            process.destroyForcibly();
            return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private static StoredPrefix read(Path store) {
        List<long[]> rows = new ArrayList<>();
        new EventDatasetReader(store.toString()).scan(EventQuery.all().withColumns(COLUMNS),
                e -> rows.add(new long[] {e.sequenceNumber(), e.createdAt()}));
        long[] sequence = new long[rows.size()];
        long[] createdAt = new long[rows.size()];
        for (int i = 0; i < sequence.length; i++) {
            sequence[i] = rows.get(i)[0];
            createdAt[i] = rows.get(i)[1];
        }
        return StoredPrefix.of(sequence, createdAt);
    }

    /** Files the killed writer was still writing: left on disk under their temporary names, invisible to readers. */
    private static long unfinished(Path store) throws Exception {
        if (!Files.isDirectory(store)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".inprogress")).count();
        }
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
