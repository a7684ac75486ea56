package dev.evtrace.agent;

import dev.evtrace.store.WriterIds;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps HotSpot's C2 off the tracer's code that runs beside the program, not in it: the writer, the store, the
 * shaded libraries (Parquet, ZSTD, Hadoop) and the start-up's class scanning are compiled by C1 only. The hot
 * path ({@code dev.evtrace.agent.bootstrap} and the advice inlined into the program's methods) is left to C2,
 * except the ring's {@code drain}: only the writer calls it, and C2 compiling it inlined the writer's code into it
 * (0.6 s of C2 in the reference run). Its twin {@code catchUp}, for a writer that has fallen behind, is left to C2.
 *
 * <p>Why (BENCHMARKS.md, session 17): C2 spends 2 to 6 s of CPU a traced JVM compiling that code, much of it again
 * after traps at branches a run takes once in seconds, on the core the program's own JIT needs. C1's code costs
 * the writer ~1.6 us more an event. Sync runs of 0.1M to 1.1M events end 22% to 4.5% sooner, queued and parallel
 * ones come out even (a writer that falls behind switches to the ring's {@code catchUp}, which C2 may compile).
 *
 * <p>Whatever {@code tracer.writer.c2} says, C2 is also kept off the code that writes classes at start-up: Byte
 * Buddy's, and the JDK's own ASM, which spins the proxies Byte Buddy reads annotations and JDK internals through
 * and the lambda forms of the agent's first lambdas. Both run hot for a second and then hardly ever again, and C2
 * compiling them (the JDK's {@code Frame.execute} alone ~0.4 s) took a core from the installation the program
 * waits for (BENCHMARKS.md, session 22: the compilers' CPU in a one-bar run -0.17 s). A program that spins classes
 * all the time runs the JDK's ASM at C1's speed.
 *
 * <p>The directive goes in through the {@code Compiler.directives_add} diagnostic command, called directly:
 * the platform MBean server would do it too, but creating it initializes {@code java.util.logging}'s
 * {@code LogManager} before the program could choose its own. Nothing here may fail the start: on a JVM without
 * these internals, or one where C1 does not come before C2, it does nothing and C2 compiles the writer as usual.
 * It runs before the writer's warm-up, which would otherwise have C2 compile the writer's code at once.
 */
final class WriterCompilation {
    private static final String INTERNALS = "com.sun.management.internal";
    /** Code that only runs while classes are written at start-up. */
    private static final List<String> START_UP = List.of("dev/evtrace/shaded/net/*.*",
            "jdk/internal/org/objectweb/asm/*.*");
    private static final List<String> WRITER = List.of("dev/evtrace/agent/writer/*.*", "dev/evtrace/agent/startup/*.*",
            "dev/evtrace/store/*.*", "dev/evtrace/shaded/org/*.*", "dev/evtrace/shaded/io/*.*",
            "dev/evtrace/shaded/shaded/*.*", "dev/evtrace/shaded/com/*.*", "dev/evtrace/agent/bootstrap/EventRing.drain*");

    private WriterCompilation() {}

    /** @param writer whether the writer's code is kept off C2 too ({@code tracer.writer.c2=false}) */
    static void limitToC1(Instrumentation inst, boolean writer) {
        try {
            Optional<Module> management = ModuleLayer.boot().findModule("jdk.management");
            if (management.isEmpty()) {
                return;
            }
            inst.redefineModule(management.get(), Set.of(), Map.of(),
                    Map.of(INTERNALS, Set.of(WriterCompilation.class.getModule())), Set.of(), Map.of());
            // Its static initializer loads the native library the commands are run by.
            Class.forName(INTERNALS + ".PlatformMBeanProviderImpl");
            Class<?> impl = Class.forName(INTERNALS + ".DiagnosticCommandImpl");
            Method instance = impl.getDeclaredMethod("getDiagnosticCommandMBean");
            instance.setAccessible(true);
            Object commands = instance.invoke(null);
            Method execute = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
            execute.setAccessible(true);
            if (!c1ComesBeforeC2((String) execute.invoke(commands, "VM.flags -all"))) {
                return;
            }
            // Not Files.createTempFile: its SecureRandom costs the start 10 ms; CREATE_NEW will not follow a link.
            // Not ProcessHandle for the pid: it starts the JDK's executors on this thread, which the gate would
            // then have to instrument before the program goes on (BENCHMARKS.md, session 25).
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "evtrace-compiler-directive-"
                    + WriterIds.pid() + "-" + System.nanoTime() + ".json");
            if (file.toString().chars().anyMatch(Character::isWhitespace)) {
                return;
            }
            Files.writeString(file, directive(writer), StandardOpenOption.CREATE_NEW);
            try {
                execute.invoke(commands, "Compiler.directives_add " + file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Throwable t) {
            // Without the directive C2 compiles the writer as it always did.
        }
    }

    /** The directive's JSON: C2 excluded from the start-up's class writing, and the writer's code if asked. */
    static String directive(boolean writer) {
        List<String> match = new ArrayList<>(START_UP);
        if (writer) {
            match.addAll(WRITER);
        }
        return "[{ match: [\"" + String.join("\", \"", match) + "\"], c2: { Exclude: true } }]";
    }

    /**
     * Whether methods C2 may not compile are compiled by C1 (tiered, C2 the top tier): without C1 first, excluding
     * C2 would leave the writer interpreted.
     *
     * @param flags what {@code VM.flags -all} printed
     */
    static boolean c1ComesBeforeC2(String flags) {
        return "true".equals(flag(flags, "TieredCompilation"))
                && "4".equals(flag(flags, "TieredStopAtLevel"))
                && Set.of("", "default").contains(Optional.ofNullable(flag(flags, "CompilationMode")).orElse(""))
                && !"true".equals(flag(flags, "UseJVMCICompiler"));
    }

    /** A line is {@code <type> <name> = <value> {<kind>} {<origin>}}, {@code :=} where the value was set. */
    private static String flag(String flags, String name) {
        int at = flags.indexOf(" " + name + " ");
        if (at < 0) {
            return null;
        }
        int end = flags.indexOf('\n', at);
        String[] rest = flags.substring(at, end < 0 ? flags.length() : end).trim().split("\\s+");
        if (rest.length < 3 || !rest[1].endsWith("=")) {
            return null;
        }
        // An empty string flag's value: the next column is the flag's kind, {product}.
        return rest[2].startsWith("{") ? "" : rest[2];
    }
}
