package dev.evtrace.agent;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isDefaultFinalizer;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameMatches;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.evtrace.agent.instrumentation.CallSiteInstrumentation;
import dev.evtrace.agent.instrumentation.EventArgument;
import dev.evtrace.agent.instrumentation.ExecutorInstrumentation;
import dev.evtrace.agent.instrumentation.HandlerInstrumentation;
import dev.evtrace.agent.instrumentation.PublishInstrumentation;
import dev.evtrace.agent.instrumentation.RunInstrumentation;
import dev.evtrace.agent.startup.IgnoredTypes;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/** Installs the advice on the configured publish, handler and run methods, executors and JDK call sites. */
final class Installer {
    private Installer() {}

    /**
     * @param loadedBefore those of the classes loaded before the start-up gate that may need instrumenting, the
     *                     only ones retransformed: every later one is instrumented as it loads. Retransforming a
     *                     class that a thread waiting at the gate is linking would wait for that thread, which
     *                     waits for this installation. Null when attached to a running program: every loaded
     *                     class is retransformed.
     */
    static void install(Config config, Instrumentation inst, Class<?>[] loadedBefore, InstrumentationReport report,
                        PrintStream stderr) {
        // Byte Buddy skips synthetic methods unless told otherwise; lambda bodies are synthetic (see methods()).
        AgentBuilder.RedefinitionListenable.WithoutBatchStrategy retransforming =
                withoutNexus(() -> new AgentBuilder.Default(new ByteBuddy().ignore(isDefaultFinalizer())))
                        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                        .disableClassFormatChanges()
                        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
        AgentBuilder builder = (loadedBefore == null ? retransforming : retransforming.redefineOnly(loadedBefore))
                // Classes already loaded are described from their class files, not by reflection: reflection
                // loads the types in their signatures, which may be waiting at the start-up gate.
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new ErrorListener(report, stderr))
                .ignore(ignoredByName().or(isSynthetic()));
        Advice.WithCustomMapping mapping = Advice.withCustomMapping()
                .bind(EventArgument.Event.class, new EventArgument(config.eventClass()));
        Advice publish = mapping.to(PublishInstrumentation.PublishAdvice.class);
        Advice handler = mapping.to(HandlerInstrumentation.HandlerAdvice.class);
        for (MethodSpec spec : config.publish()) {
            if (!spec.isJdkCall()) {
                builder = advise(builder, spec, config.eventClass(), publish, report::publishInstrumented);
            }
        }
        for (MethodSpec spec : config.handlers()) {
            builder = advise(builder, spec, config.eventClass(), handler, report::handlerInstrumented);
        }
        // Each Advice.to reads and parses its advice class: once here, not once per class transformed.
        if (!config.runs().isEmpty()) {
            Advice run = Advice.to(RunInstrumentation.RunAdvice.class);
            for (MethodSpec spec : config.runs()) {
                builder = builder.type(types(spec)).transform((b, type, loader, module, domain) -> {
                    if (!type.getDeclaredMethods().filter(methods(spec)).isEmpty()) {
                        report.runInstrumented(type.getName());
                    }
                    return b.visit(run.on(methods(spec)));
                });
            }
        }
        if (config.executors()) {
            AsmVisitorWrapper execute = Advice.to(ExecutorInstrumentation.ExecuteAdvice.class)
                    .on(named("execute").and(takesArguments(Runnable.class)).and(not(isAbstract())));
            builder = builder.type(isSubTypeOf(Executor.class).and(not(isInterface())))
                    .transform((b, type, loader, module, domain) -> b.visit(execute));
        }
        List<CallSiteInstrumentation.Call> calls = config.publish().stream().filter(MethodSpec::isJdkCall)
                .map(s -> new CallSiteInstrumentation.Call(s.typeName(), s.methodName())).toList();
        if (!calls.isEmpty()) {
            ElementMatcher.Junction<TypeDescription> callers = ElementMatchers.none();
            for (String glob : config.callers()) {
                callers = callers.or(nameMatches(MethodSpec.regex(glob)));
            }
            builder = builder.type(callers.and(not(isInterface()))).transform((b, type, loader, module, domain) ->
                    b.visit(new CallSiteInstrumentation(calls, report::publishInstrumented)));
        }
        builder.installOn(inst);
    }

    /**
     * Builds the agent builder with Byte Buddy's Nexus switched off. The Nexus injects the initializers of
     * generated code into instrumented classes; inlined advice has none, yet the builder's default strategy
     * prepares it anyway, generating and loading class injectors while the program waits at the start-up gate
     * (a tenth of the installation's CPU, 0.13 s of a one-bar backtest's launch to exit). The property is the
     * agent's own (relocated with Byte Buddy, so the program's Byte Buddy never sees it) and is read once, as
     * the builder is made.
     */
    private static AgentBuilder.Default withoutNexus(Supplier<AgentBuilder.Default> builder) {
        String previous;
        try {
            previous = System.setProperty(Nexus.PROPERTY, "true");
        } catch (SecurityException e) {
            return builder.get(); // a security manager that keeps the properties: the Nexus is only slower
        }
        try {
            return builder.get();
        } finally {
            if (previous == null) {
                System.clearProperty(Nexus.PROPERTY);
            } else {
                System.setProperty(Nexus.PROPERTY, previous);
            }
        }
    }

    private static AgentBuilder advise(AgentBuilder builder, MethodSpec spec, String eventClass, Advice advice,
                                       Consumer<String> onInstrumented) {
        ElementMatcher.Junction<MethodDescription> methods = methods(spec).and(hasEventArgument(eventClass));
        return builder.type(types(spec)).transform((b, type, loader, module, domain) -> {
            if (!type.getDeclaredMethods().filter(methods).isEmpty()) {
                onInstrumented.accept(type.getName());
            }
            return b.visit(advice.on(methods));
        });
    }

    private static ElementMatcher.Junction<TypeDescription> types(MethodSpec spec) {
        if (spec.isAnnotation()) {
            return declaresMethod(isAnnotatedWith(named(spec.annotation())));
        }
        // Interfaces stay in: their default methods are handlers too (the method matcher skips abstract ones).
        return spec.typeName().contains("*") ? nameMatches(MethodSpec.regex(spec.typeName())) : hasSuperType(named(spec.typeName()));
    }

    /**
     * Concrete, declared methods only: a bridge and its target must count as one delivery. Synthetic methods
     * are skipped too, except lambda bodies named on purpose ({@code Type#lambda$*}): the JVM hides lambda
     * classes from agents, so a lambda handler is traced through the body it calls.
     */
    private static ElementMatcher.Junction<MethodDescription> methods(MethodSpec spec) {
        ElementMatcher.Junction<MethodDescription> name = spec.isAnnotation()
                ? isAnnotatedWith(named(spec.annotation()))
                : spec.methodName().contains("*") ? nameMatches(MethodSpec.regex(spec.methodName())) : named(spec.methodName());
        ElementMatcher.Junction<MethodDescription> concrete = name.and(not(isAbstract())).and(not(isBridge()));
        return !spec.isAnnotation() && spec.methodName().startsWith("lambda$") ? concrete : concrete.and(not(isSynthetic()));
    }

    /** The same names the start-up gate lets through at once. */
    private static ElementMatcher.Junction<TypeDescription> ignoredByName() {
        return new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(TypeDescription type) {
                return IgnoredTypes.isIgnored(type.getName());
            }
        };
    }

    private static ElementMatcher.Junction<MethodDescription> hasEventArgument(String eventClass) {
        return new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(MethodDescription method) {
                return EventArgument.eventIndex(method, eventClass) >= 0;
            }
        };
    }

    /** A type that cannot be instrumented stays as it was: one line says so, the program runs on. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        private final InstrumentationReport report;
        private final PrintStream stderr;

        ErrorListener(InstrumentationReport report, PrintStream stderr) {
            this.report = report;
            this.stderr = stderr;
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            report.error();
            stderr.println("tracer: cannot instrument " + typeName + " (" + error + "); it runs untraced");
        }
    }
}
