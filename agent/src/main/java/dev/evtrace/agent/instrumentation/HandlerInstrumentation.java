package dev.evtrace.agent.instrumentation;

import dev.evtrace.agent.bootstrap.ThreadContext;
import dev.evtrace.agent.bootstrap.Tracer;
import net.bytebuddy.asm.Advice;

/**
 * A handler method: while it runs, its event is the cause of whatever is published. The event is the
 * argument bound to {@link EventArgument}: the first one assignable to the configured event class.
 */
public final class HandlerInstrumentation {
    private HandlerInstrumentation() {}

    public static final class HandlerAdvice {
        private HandlerAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        // Origin "#t" is the declaring type as a constant, for static handlers (lambda bodies) with no 'this'.
        public static ThreadContext enter(@EventArgument.Event Object event, @Advice.This(optional = true) Object handler,
                                          @Advice.Origin("#t") String declaringType) {
            return Tracer.handlerStart(event, handler, declaringType);
        }

        // onThrowable: the delivery is recorded however the handler ends; its exception propagates unchanged.
        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        public static void exit(@Advice.Enter ThreadContext context, @Advice.Thrown Throwable thrown) {
            Tracer.handlerEnd(context, thrown != null);
        }
    }
}
