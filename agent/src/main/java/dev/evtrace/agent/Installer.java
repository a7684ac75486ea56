package dev.evtrace.agent;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import dev.evtrace.agent.instrumentation.HandlerInstrumentation;
import dev.evtrace.agent.instrumentation.PublishInstrumentation;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/** Installs the advice on the configured publish and handler methods. */
final class Installer {
    private Installer() {}

    static void install(Config config, Instrumentation inst, InstrumentationReport report, PrintStream stderr) {
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new ErrorListener(report, stderr))
                .ignore(nameStartsWith("java.").or(nameStartsWith("jdk.")).or(nameStartsWith("sun."))
                        .or(nameStartsWith("com.sun.")).or(nameStartsWith("dev.evtrace.")));
        builder = instrument(builder, config.publish(), PublishInstrumentation.PublishAdvice.class, report::publishInstrumented);
        builder = instrument(builder, config.handlers(), HandlerInstrumentation.HandlerAdvice.class, report::handlerInstrumented);
        builder.installOn(inst);
    }

    private static AgentBuilder instrument(AgentBuilder builder, List<MethodSpec> specs, Class<?> advice,
                                           Consumer<String> onInstrumented) {
        for (MethodSpec spec : specs) {
            ElementMatcher.Junction<MethodDescription> methods = named(spec.methodName())
                    .and(not(isAbstract())).and(not(isBridge())).and(not(isSynthetic())).and(not(takesNoArguments()));
            builder = builder
                    .type(hasSuperType(named(spec.typeName())).and(not(isInterface())))
                    .transform((b, type, loader, module, domain) -> {
                        if (!type.getDeclaredMethods().filter(methods).isEmpty()) {
                            onInstrumented.accept(type.getName());
                        }
                        return b.visit(Advice.to(advice).on(methods));
                    });
        }
        return builder;
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

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            // Counted in the transformer, where the matched method is known.
        }
    }
}
