package dev.evtrace.agent.instrumentation;

import dev.evtrace.agent.bootstrap.ThreadContext;
import dev.evtrace.agent.bootstrap.Tracer;
import net.bytebuddy.asm.Advice;

/** The bus's publish method: the event gets an id, a cause, a run and its created time. */
public final class PublishInstrumentation {
    private PublishInstrumentation() {}

    public static final class PublishAdvice {
        private PublishAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static ThreadContext enter(@EventArgument.Event Object event) {
            return Tracer.publishStart(event);
        }

        // onThrowable: the record is completed however publish ends; the host's exception propagates unchanged.
        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        public static void exit(@Advice.Enter ThreadContext context) {
            Tracer.publishEnd(context);
        }
    }
}
