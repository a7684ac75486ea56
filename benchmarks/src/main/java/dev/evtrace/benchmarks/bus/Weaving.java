package dev.evtrace.benchmarks.bus;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.evtrace.agent.instrumentation.HandlerInstrumentation;
import dev.evtrace.agent.instrumentation.PublishInstrumentation;
import java.lang.annotation.Annotation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;

/**
 * Loads a fresh copy of a bus or handler class in its own child-first class loader, with or without the
 * agent's publish and handler advice, the way the agent's {@code AdviceTest} does. Woven and plain copies
 * load the same way, so the only difference between them is the advice.
 */
public final class Weaving {
    /** The agent's custom binding for the event argument, where the agent has one (see {@link #advice}). */
    private static final String EVENT_ARGUMENT = "dev.evtrace.agent.instrumentation.EventArgument";

    private Weaving() {}

    public static <T> T newInstance(Class<?> type, Class<T> as, boolean woven) {
        DynamicType.Builder<?> builder = new ByteBuddy().redefine(type);
        if (woven) {
            Advice.WithCustomMapping advice = advice();
            builder = builder
                    .visit(advice.to(PublishInstrumentation.PublishAdvice.class).on(named("publish")))
                    .visit(advice.to(HandlerInstrumentation.HandlerAdvice.class).on(named("handle")));
        }
        Class<?> loaded = builder.make()
                .load(new ClassLoader(Weaving.class.getClassLoader()) {}, ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        try {
            return as.cast(loaded.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + type.getName(), e);
        }
    }

    /**
     * The advice binds its event parameter either with {@code @Advice.Argument(0)} or, in agents that pick the
     * event argument by type, with {@code @EventArgument.Event}, which needs its mapping bound here as the
     * agent's installer does (an empty event class: the first argument). Looked up by name so the benchmarks
     * build against either agent.
     */
    @SuppressWarnings("unchecked")
    private static Advice.WithCustomMapping advice() {
        Advice.WithCustomMapping mapping = Advice.withCustomMapping();
        Class<?> argument;
        try {
            argument = Class.forName(EVENT_ARGUMENT);
        } catch (ClassNotFoundException e) {
            return mapping;
        }
        try {
            Class<? extends Annotation> event = (Class<? extends Annotation>) Class.forName(EVENT_ARGUMENT + "$Event");
            Advice.OffsetMapping offsets = (Advice.OffsetMapping) argument.getConstructor(String.class).newInstance("");
            return mapping.bind(event, offsets);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot bind " + EVENT_ARGUMENT + "'s annotation for the advice", e);
        }
    }
}
