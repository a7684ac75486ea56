package dev.evtrace.agent.instrumentation;

import dev.evtrace.agent.bootstrap.ThreadContext;
import dev.evtrace.agent.bootstrap.Tracer;
import net.bytebuddy.asm.Advice;

/** A handler method: while it runs, its event is the cause of whatever is published. */
public final class HandlerInstrumentation {
    private HandlerInstrumentation() {}

    public static final class HandlerAdvice {
        private HandlerAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static ThreadContext enter(@Advice.Argument(0) Object event, @Advice.This Object handler) {
            return Tracer.handlerStart(event, handler);
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        public static void exit(@Advice.Enter ThreadContext context) {
            Tracer.handlerEnd(context);
        }
    }
}
