package dev.evtrace.benchmarks;

import dev.evtrace.benchmarks.process.Directories;
import dev.evtrace.benchmarks.process.Machine;
import dev.evtrace.benchmarks.process.Paired;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Two builds of the store writer against each other in one JVM, for changes to its CPU a few percent wide, which
 * {@link TracerAB}'s pairs of JVMs cannot tell apart on a noisy host (their runs are seconds long and seconds apart,
 * and such a host drifts by a tenth from one second to the next). Each build's {@code benchmarks.jar} gets a class
 * loader of its own; both write the same sample-shaped events and deliveries ({@link WriterThroughput}'s) through
 * their store writer on this thread, A then B, then B then A, in rounds of a fraction of a second, so that what the
 * host does to both runs of a pair cancels in their difference.
 *
 * <p>Give the JVM the writer's compilation: the agent's writer runs C1's code, so
 * {@code -XX:TieredStopAtLevel=1} measures what a traced run pays (C1's profiling tier, which a traced run also
 * spends its first seconds in, is left out). A build's jar must hold {@code WriterThroughput}'s {@code events},
 * {@code deliveries} and {@code write} declared as they are here.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp benchmarks/target/benchmarks.jar dev.evtrace.benchmarks.WriterAB \
 *     --a before/benchmarks.jar --b benchmarks/target/benchmarks.jar --pairs 40 [--journal]
 * </pre>
 */
@Command(name = "WriterAB", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes the same events through two builds' store writers in one JVM, in pairs, and prints "
                + "the paired CPU an event.")
public final class WriterAB implements Callable<Integer> {
    @Option(names = "--a", required = true, description = "build A's benchmarks.jar")
    Path jarA;

    @Option(names = "--b", required = true, description = "build B's benchmarks.jar")
    Path jarB;

    @Option(names = "--events", defaultValue = "100000", description = "events a round, each with its deliveries "
            + "(default: ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--pairs", defaultValue = "30", description = "measured pairs (default: ${DEFAULT-VALUE})")
    int pairs;

    @Option(names = "--warm-up", defaultValue = "10", description = "unmeasured rounds of each build first "
            + "(default: ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--journal", description = "also append every row to the crash-safe journal, as a traced run does "
            + "by default")
    boolean journal;

    @Option(names = "--dir", description = "where the stores go (default: a temporary directory)")
    Path dir;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new WriterAB()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Build a;
        Build b;
        try {
            a = new Build(jarA, events);
            b = new Build(jarB, events);
        } catch (IOException e) {
            System.err.println("WriterAB: " + e.getMessage());
            return 2;
        } catch (ReflectiveOperationException e) {
            System.err.println("WriterAB: a jar's WriterThroughput lacks events, deliveries or write as this build "
                    + "declares them: " + e);
            return 2;
        }
        Path root = dir != null ? dir : Files.createTempDirectory("writer-ab");
        out.printf(Locale.ROOT, "A: %s%nB: %s%n%,d events and %,d deliveries a round, journal %s, %d warm-up rounds "
                + "each, %d pairs%n", jarA, jarB, events, a.deliveries.size(), journal ? "on" : "off", warmUp, pairs);
        for (int i = 0; i < warmUp; i++) {
            a.nanosPerEvent(root.resolve("warm-a"), journal);
            b.nanosPerEvent(root.resolve("warm-b"), journal);
        }
        List<Double> nanosA = new ArrayList<>();
        List<Double> nanosB = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            boolean aFirst = pair % 2 == 0;
            double first = (aFirst ? a : b).nanosPerEvent(root.resolve("first"), journal);
            double second = (aFirst ? b : a).nanosPerEvent(root.resolve("second"), journal);
            nanosA.add(aFirst ? first : second);
            nanosB.add(aFirst ? second : first);
            out.printf(Locale.ROOT, "  pair %d: A %.0f ns, B %.0f ns an event (%+.1f%%), load average %s%n", pair + 1,
                    nanosA.get(pair), nanosB.get(pair), 100 * (nanosB.get(pair) / nanosA.get(pair) - 1),
                    Machine.loadAverage());
        }
        Paired p = Paired.of(nanosA, nanosB);
        out.printf(Locale.ROOT, "%nCPU an event, deliveries included: A %.0f ns, B %.0f ns (medians); B - A %+.0f ns "
                        + "(%+.1f%%, median of pairs), B lower in %d of %d, sign test p %.3f%n",
                p.medianA(), p.medianB(), p.medianDifference(), 100 * p.medianDifference() / p.medianA(), p.bLower(),
                p.pairs(), p.p());
        out.println("sign test p: how often two identical builds would split the pairs at least this unevenly; above ~0.1 "
                + "these rounds cannot tell the builds apart");
        if (dir == null) {
            Directories.delete(root);
        }
        return 0;
    }

    /** One build's writer, loaded from its jar, and its copy of the events (its own classes' instances). */
    private static final class Build {
        final ClassLoader loader;
        final Method write;
        final Method nanosPerEvent;
        final List<?> events;
        final List<?> deliveries;

        Build(Path jar, int events) throws ReflectiveOperationException, IOException {
            if (!Files.isRegularFile(jar)) {
                throw new IOException("no such jar: " + jar);
            }
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> throughput = Class.forName(WriterThroughput.class.getName(), true, loader);
            Method makeEvents = declared(throughput, "events", int.class);
            Method makeDeliveries = declared(throughput, "deliveries", List.class);
            write = declared(throughput, "write", Path.class, List.class, List.class, boolean.class);
            nanosPerEvent = declared(write.getReturnType(), "nanosPerEvent");
            this.events = (List<?>) call(makeEvents, events);
            this.deliveries = (List<?>) call(makeDeliveries, this.events);
        }

        /** Writes the round into a new store under {@code dir} (deleted after) and returns the CPU an event. */
        double nanosPerEvent(Path dir, boolean journal) throws ReflectiveOperationException {
            Object result = call(write, dir, events, deliveries, journal);
            return (double) nanosPerEvent.invoke(result);
        }

        /** With the build's loader as the thread's context loader, which Hadoop looks its file systems up through. */
        private Object call(Method method, Object... args) throws ReflectiveOperationException {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return method.invoke(null, args);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("build " + loader + ": " + e.getCause(), e.getCause());
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        private static Method declared(Class<?> type, String name, Class<?>... parameters)
                throws NoSuchMethodException {
            Method method = type.getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            return method;
        }
    }
}
