package dev.evtrace.agent.instrumentation;

import dev.evtrace.agent.bootstrap.Tracer;
import net.bytebuddy.asm.Advice;

/**
 * {@code Executor.execute(Runnable)} in every executor (the JDK's pools, ForkJoinPool, the program's own):
 * a task submitted while a handler or run is active carries that context to the thread that runs it.
 * submit() and CompletableFuture's async methods all end in execute().
 */
public final class ExecutorInstrumentation {
    private ExecutorInstrumentation() {}

    public static final class ExecuteAdvice {
        private ExecuteAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
            task = Tracer.wrap(task);
        }
    }
}
