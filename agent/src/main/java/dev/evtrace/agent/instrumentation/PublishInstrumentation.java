package dev.evtrace.agent.instrumentation;

import dev.evtrace.agent.bootstrap.ThreadContext;
import dev.evtrace.agent.bootstrap.Tracer;
import net.bytebuddy.asm.Advice;

/** The bus's publish method: the event (its first argument) gets an id, a cause and its created time. */
public final class PublishInstrumentation {
    private PublishInstrumentation() {}

    public static final class PublishAdvice {
        private PublishAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static ThreadContext enter(@Advice.Argument(0) Object event) {
            return Tracer.publishStart(event);
        }

        // onThrowable: the record is completed however publish ends; the host's exception propagates unchanged.
        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        public static void exit(@Advice.Enter ThreadContext context) {
            Tracer.publishEnd(context);
        }
    }
}
