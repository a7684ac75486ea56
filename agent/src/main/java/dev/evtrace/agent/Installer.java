package dev.evtrace.agent;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.NamedElement;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/** The advice on the configured publish, handler and run methods, executors and JDK call sites. */
final class Installer {
    private Installer() {}

    /**
     * The transformer that weaves it, for the start-up gate to hand the classes that may need it; warmed up
     * on a class of the agent's own with each piece of advice ({@link Weaver#warmUp}).
     */
    static Weaver weaver(Config config, InstrumentationReport report, PrintStream stderr) {
        List<Weaver.Rule> rules = new ArrayList<>();
        Advice.WithCustomMapping mapping = Advice.withCustomMapping()
                .bind(EventArgument.Event.class, new EventArgument(config.eventClass()));
        // Each Advice.to reads and parses its advice class: once here, not once per class transformed.
        Advice publish = mapping.to(PublishInstrumentation.PublishAdvice.class);
        Advice handler = mapping.to(HandlerInstrumentation.HandlerAdvice.class);
        List<AsmVisitorWrapper> warmUp = new ArrayList<>(List.of(publish.on(named("publish")), handler.on(named("handle"))));
        for (MethodSpec spec : config.publish()) {
            if (!spec.isJdkCall()) {
                rules.add(advise(spec, methods(spec).and(hasEventArgument(config.eventClass())), publish,
                        report::publishInstrumented));
            }
        }
        for (MethodSpec spec : config.handlers()) {
            rules.add(advise(spec, methods(spec).and(hasEventArgument(config.eventClass())), handler,
                    report::handlerInstrumented));
        }
        if (!config.runs().isEmpty()) {
            Advice run = Advice.to(RunInstrumentation.RunAdvice.class);
            warmUp.add(run.on(named("run")));
            for (MethodSpec spec : config.runs()) {
                rules.add(advise(spec, methods(spec), run, report::runInstrumented));
            }
        }
        if (config.executors()) {
            ElementMatcher.Junction<MethodDescription> methods = named("execute").and(takesArguments(Runnable.class))
                    .and(not(isAbstract()));
            AsmVisitorWrapper execute = Advice.to(ExecutorInstrumentation.ExecuteAdvice.class).on(methods);
            warmUp.add(execute);
            rules.add(new Weaver.Rule(isSubTypeOf(Executor.class).and(not(isInterface())),
                    (type, classFile) -> type.getDeclaredMethods().filter(methods).isEmpty() ? null : execute));
        }
        List<CallSiteInstrumentation.Call> calls = config.publish().stream().filter(MethodSpec::isJdkCall)
                .map(s -> new CallSiteInstrumentation.Call(s.typeName(), s.methodName())).toList();
        if (!calls.isEmpty()) {
            ElementMatcher.Junction<TypeDescription> callers = ElementMatchers.none();
            for (String glob : config.callers()) {
                callers = callers.or(globMatches(glob));
            }
            CallSiteInstrumentation callSites = new CallSiteInstrumentation(calls, report::publishInstrumented);
            warmUp.add(new CallSiteInstrumentation(calls, type -> {}));
            rules.add(new Weaver.Rule(callers.and(not(isInterface())),
                    (type, classFile) -> callSites.hasCallSites(classFile) ? callSites : null));
        }
        ElementMatcher<TypeDescription> eventClass = config.eventClass().isEmpty() ? ElementMatchers.none()
                : named(config.eventClass());
        // Synthetic classes are left alone; synthetic methods are skipped but for lambda bodies (see methods()).
        Weaver weaver = new Weaver(rules, eventClass, ignoredByName().or(isSynthetic()), report, stderr);
        weaver.warmUp(warmUp);
        return weaver;
    }

    private static Weaver.Rule advise(MethodSpec spec, ElementMatcher.Junction<MethodDescription> methods, Advice advice,
                                      Consumer<String> onInstrumented) {
        AsmVisitorWrapper woven = advice.on(methods);
        return new Weaver.Rule(types(spec), (type, classFile) -> {
            if (type.getDeclaredMethods().filter(methods).isEmpty()) {
                return null;
            }
            onInstrumented.accept(type.getName());
            return woven;
        });
    }

    private static ElementMatcher.Junction<TypeDescription> types(MethodSpec spec) {
        if (spec.isAnnotation()) {
            return declaresMethod(isAnnotatedWith(named(spec.annotation())));
        }
        // Interfaces stay in: their default methods are handlers too (the method matcher skips abstract ones).
        return spec.typeName().contains("*") ? globMatches(spec.typeName()) : hasSuperType(named(spec.typeName()));
    }

    /**
     * Concrete, declared methods only: a bridge and its target must count as one delivery. Synthetic methods
     * are skipped too, except lambda bodies named on purpose ({@code Type#lambda$*}): the JVM hides lambda
     * classes from agents, so a lambda handler is traced through the body it calls.
     */
    private static ElementMatcher.Junction<MethodDescription> methods(MethodSpec spec) {
        ElementMatcher.Junction<MethodDescription> name = spec.isAnnotation()
                ? isAnnotatedWith(named(spec.annotation()))
                : spec.methodName().contains("*") ? globMatches(spec.methodName()) : named(spec.methodName());
        ElementMatcher.Junction<MethodDescription> concrete = name.and(not(isAbstract())).and(not(isBridge()));
        return !spec.isAnnotation() && spec.methodName().startsWith("lambda$") ? concrete : concrete.and(not(isSynthetic()));
    }

    /** Elements whose name fits a configured wildcard, as the start-up gate matches them ({@link MethodSpec#globMatches}). */
    private static <T extends NamedElement> ElementMatcher.Junction<T> globMatches(String glob) {
        return new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(T target) {
                return MethodSpec.globMatches(glob, target.getActualName());
            }
        };
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
}
