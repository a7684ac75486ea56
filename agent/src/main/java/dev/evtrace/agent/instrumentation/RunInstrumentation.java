package dev.evtrace.agent.instrumentation;

import dev.evtrace.agent.bootstrap.ThreadContext;
import dev.evtrace.agent.bootstrap.Tracer;
import net.bytebuddy.asm.Advice;

/** A run boundary ({@code tracer.run}, e.g. Backtest#run): each invocation is a run with its own correlation id. */
public final class RunInstrumentation {
    private RunInstrumentation() {}

    public static final class RunAdvice {
        private RunAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static ThreadContext enter() {
            return Tracer.runStart();
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        public static void exit(@Advice.Enter ThreadContext context) {
            Tracer.runEnd(context);
        }
    }
}
