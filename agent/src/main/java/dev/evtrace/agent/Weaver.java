package dev.evtrace.agent;

import static net.bytebuddy.matcher.ElementMatchers.isDefaultFinalizer;

import dev.evtrace.agent.instrumentation.EventFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.BiFunction;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.dynamic.VisibilityBridgeStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.LatentMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves the advice into the classes the start-up gate passes on, with Byte Buddy's type descriptions and
 * class writer but without its agent builder: the builder generates a transformer class of its own at
 * start-up, and its dispatchers: over a third of the installation's CPU, while the program waited at the gate.
 * What it did per class is here: the class described from its class file (never by reflection, which would
 * load the types of its signatures, and they may be waiting at the gate), then redefined without changing
 * its shape (no field or method added), which is what lets classes already loaded be retransformed; only
 * the program's event class, as it loads, gains the members of a {@link dev.evtrace.agent.bootstrap.DeferredEvent}.
 */
final class Weaver implements ClassFileTransformer {
    /**
     * Which classes a piece of advice applies to, and the advice for one of them, given its description and
     * class file: null if it has nothing to weave.
     */
    record Rule(ElementMatcher<TypeDescription> types, BiFunction<TypeDescription, byte[], AsmVisitorWrapper> advice) {}

    /** For a class that loads: it may take new members. */
    private static final ByteBuddy LOADING = new ByteBuddy()
            .ignore(isDefaultFinalizer())
            .with(Implementation.Context.Disabled.Factory.INSTANCE)
            .with(VisibilityBridgeStrategy.Default.NEVER);
    /** For the others: the same shape, so that a retransformation is allowed to change the class. */
    private static final ByteBuddy FROZEN = LOADING.with(InstrumentedType.Factory.Default.FROZEN);

    private final List<Rule> rules;
    private final ElementMatcher<TypeDescription> eventClass;
    private final ElementMatcher<TypeDescription> ignored;
    private final InstrumentationReport report;
    private final PrintStream stderr;

    /** @param eventClass the program's event class, which carries a deferred event's id if it can ({@link EventFields}) */
    Weaver(List<Rule> rules, ElementMatcher<TypeDescription> eventClass, ElementMatcher<TypeDescription> ignored,
           InstrumentationReport report, PrintStream stderr) {
        this.rules = List.copyOf(rules);
        this.eventClass = eventClass;
        this.ignored = ignored;
        this.report = report;
        this.stderr = stderr;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        if (internalName == null) {
            return null;
        }
        String name = internalName.replace('/', '.');
        try {
            ClassFileLocator locator = locator(name, classFile, loader);
            TypePool pool = pool(locator);
            TypeDescription type = pool.describe(name).resolve();
            if (ignored.matches(type)) {
                return null;
            }
            DynamicType.Builder<?> builder = null;
            boolean takesFields = classBeingRedefined == null
                    ? eventClass.matches(type) && EventFields.canCarry(type) && EventFields.visibleFrom(loader)
                    : EventFields.carries(classBeingRedefined);
            if (takesFields) {
                builder = EventFields.add(LOADING.redefine(type, locator)
                        .ignoreAlso(LatentMatcher.ForSelfDeclaredMethod.NOT_DECLARED));
            }
            for (Rule rule : rules) {
                AsmVisitorWrapper advice = rule.types().matches(type) ? rule.advice().apply(type, classFile) : null;
                if (advice != null) {
                    if (builder == null) {
                        builder = FROZEN.redefine(type, locator).ignoreAlso(LatentMatcher.ForSelfDeclaredMethod.NOT_DECLARED);
                    }
                    builder = builder.visit(advice);
                }
            }
            // A class with nothing to weave is left as it is rather than rewritten to the same effect.
            return builder == null ? null : builder.make(TypeResolutionStrategy.Disabled.INSTANCE, pool).getBytes();
        } catch (Throwable t) {
            report.error();
            stderr.println("tracer: cannot instrument " + name + " (" + t + "); it runs untraced");
            return null;
        }
    }

    /**
     * Weaves {@link WarmUpTarget}'s class file with the event fields and every piece of {@code advice}, and drops
     * the result. The first class woven loads a few hundred of Byte Buddy's classes and runs their code cold:
     * done here, on the installing thread before the gate opens, it is not done on the program's thread while
     * its first steps are timed, and costs nothing at all to a program that loads its data before its bus.
     */
    void warmUp(List<AsmVisitorWrapper> advice) {
        String name = WarmUpTarget.class.getName();
        try (InputStream in = WarmUpTarget.class.getResourceAsStream(WarmUpTarget.class.getSimpleName() + ".class")) {
            byte[] classFile = in.readAllBytes();
            ClassFileLocator locator = locator(name, classFile, WarmUpTarget.class.getClassLoader());
            TypePool pool = pool(locator);
            DynamicType.Builder<?> builder = EventFields.add(LOADING.redefine(pool.describe(name).resolve(), locator)
                    .ignoreAlso(LatentMatcher.ForSelfDeclaredMethod.NOT_DECLARED));
            for (AsmVisitorWrapper a : advice) {
                builder = builder.visit(a);
            }
            builder.make(TypeResolutionStrategy.Disabled.INSTANCE, pool).getBytes();
        } catch (IOException | RuntimeException | LinkageError e) {
            // Only a warm-up: the program's first class woven does the same work.
        }
    }

    /** The class file at hand first, then its loader's resources (never its classes). */
    private static ClassFileLocator locator(String name, byte[] classFile, ClassLoader loader) {
        return new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                ClassFileLocator.ForClassLoader.of(loader));
    }

    private static TypePool pool(ClassFileLocator locator) {
        return new TypePool.LazyFacade(new TypePool.Default.WithLazyResolution(
                TypePool.CacheProvider.Simple.withObjectType(), locator, TypePool.Default.ReaderMode.FAST));
    }
}
