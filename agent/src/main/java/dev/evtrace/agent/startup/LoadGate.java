package dev.evtrace.agent.startup;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's only class file transformer, registered in premain so that the instrumentation can be built
 * off the program's main thread. Until it is {@link #open() opened}, a class that may need instrumenting
 * ({@link InstrumentationCandidates}) waits in its loading thread, so no event is published by code that
 * is not instrumented yet; every other class loads at once. From the moment the installer hands it its
 * transformer ({@link #install}), every class that may need instrumenting, held or not, and every
 * retransformation goes through that transformer, and only once: it is never registered with the JVM itself.
 * The others never reach it: Byte Buddy would describe each one, and rewrite every class its call-site
 * matcher selects by name alone, to change nothing (most of the program thread's start-up CPU).
 */
public final class LoadGate implements ClassFileTransformer {
    /** A class waits at most this long, so that no mistake of the agent can hang the program. */
    private static final long MAX_HOLD_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final InstrumentationCandidates candidates;
    private final PrintStream stderr;
    private final CountDownLatch opened = new CountDownLatch(1);
    private final AtomicBoolean reported = new AtomicBoolean();
    private final Set<Thread> ownThreads = ConcurrentHashMap.newKeySet();
    private final Queue<LoadedClass> passedUninstrumented = new ConcurrentLinkedQueue<>();
    private volatile boolean open;
    private volatile ClassFileTransformer installed;

    private record LoadedClass(ClassLoader loader, String name) {}

    public LoadGate(InstrumentationCandidates candidates, PrintStream stderr) {
        this.candidates = candidates;
        this.stderr = stderr;
    }

    /**
     * A thread of the agent's own (the one that installs, the writer): it never waits at the gate, as the
     * installation might wait for it. What it loads before the installer's transformer is ready is
     * instrumented later ({@link #instrumentPassedClasses}, {@link #instrumentPassedClassesStillLoading}).
     */
    public void exempt(Thread thread) {
        ownThreads.add(thread);
    }

    /** The transformer that instruments: from now on it sees every class that may need instrumenting. */
    public void install(ClassFileTransformer transformer) {
        installed = transformer;
    }

    /**
     * Before the gate opens: retransforms the classes that may need instrumenting and that the agent's own
     * threads loaded too early, those that have finished loading. One still loading may be waiting for a
     * class a held thread is loading: waiting for it here could wait for the gate to open.
     */
    public void instrumentPassedClasses(Instrumentation jvm) {
        Set<LoadedClass> passed = new HashSet<>();
        for (LoadedClass c; (c = passedUninstrumented.poll()) != null; ) {
            passed.add(c);
        }
        if (passed.isEmpty()) {
            return;
        }
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : jvm.getAllLoadedClasses()) {
            if (passed.remove(new LoadedClass(type.getClassLoader(), type.getName()))) {
                loaded.add(type);
            }
        }
        passedUninstrumented.addAll(passed);
        retransform(jvm, loaded);
    }

    /** Once the gate is open: waits for the passed classes still loading, then retransforms them. */
    public void instrumentPassedClassesStillLoading(Instrumentation jvm) {
        List<Class<?>> loaded = new ArrayList<>();
        for (LoadedClass c; (c = passedUninstrumented.poll()) != null; ) {
            try {
                loaded.add(Class.forName(c.name(), false, c.loader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // it never finished loading: nothing to instrument
            }
        }
        retransform(jvm, loaded);
    }

    /**
     * Runs the installed transformer on classes already loaded. One the JVM refuses to retransform (a class
     * that verification rejects once woven, say) stays as it was and is named; the others are instrumented.
     */
    public void retransform(Instrumentation jvm, List<Class<?>> classes) {
        List<Class<?>> modifiable = new ArrayList<>(classes);
        modifiable.removeIf(type -> !jvm.isModifiableClass(type));
        if (modifiable.isEmpty()) {
            return;
        }
        try {
            jvm.retransformClasses(modifiable.toArray(Class<?>[]::new));
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            for (Class<?> type : modifiable) {
                try {
                    jvm.retransformClasses(type);
                } catch (UnmodifiableClassException | RuntimeException | LinkageError refused) {
                    report("cannot instrument " + type.getName() + " (" + refused + "); it runs untraced");
                }
            }
        }
    }

    /** Lets the held classes load, through the installed transformer if there is one. */
    public void open() {
        open = true;
        opened.countDown();
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        try {
            boolean candidate = classBeingRedefined != null
                    || className != null && mayNeedInstrumentation(loader, className, classfileBuffer);
            if (!open && classBeingRedefined == null && candidate) {
                if (ownThreads.contains(Thread.currentThread())) {
                    // Noted before looking for the transformer, so that a transformer installed meanwhile
                    // finds it in the list: one way or the other it is instrumented.
                    passedUninstrumented.add(new LoadedClass(loader, className.replace('/', '.')));
                } else {
                    hold(className);
                }
            }
            ClassFileTransformer transformer = installed;
            return transformer == null || !candidate ? null
                    : transformer.transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
        } catch (Throwable t) {
            report("cannot instrument " + className + " (" + t + "); it runs untraced");
            return null;
        }
    }

    private boolean mayNeedInstrumentation(ClassLoader loader, String internalName, byte[] classFile) {
        String name = internalName.replace('/', '.');
        if (IgnoredTypes.isIgnored(name)) {
            return false;
        }
        try {
            return candidates.mayNeedInstrumentation(loader, name, ClassHeader.parse(classFile));
        } catch (RuntimeException e) {
            return true; // unreadable here: the installer will judge it
        }
    }

    /** Waits for the gate to open; an interrupt is kept for the program, not taken as a reason to go on untraced. */
    private void hold(String className) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + MAX_HOLD_NANOS;
        try {
            while (true) {
                try {
                    if (opened.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        return;
                    }
                    report("the instrumentation was not ready after " + TimeUnit.NANOSECONDS.toSeconds(MAX_HOLD_NANOS)
                            + " s; " + className + " and the classes loaded after it may run untraced");
                    open();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void report(String message) {
        if (reported.compareAndSet(false, true)) {
            stderr.println("tracer: " + message);
        }
    }
}
