package dev.evtrace.agent.bootstrap;

/**
 * The static entry points that inlined advice calls. Every method is cheap, allocation-free, never throws
 * into the host, and does nothing until a {@link Recording} is started.
 */
public final class Tracer {
    // Volatile read per call: a plain field could be hoisted by the JIT and never see start().
    private static volatile Recording recording;

    private Tracer() {}

    public static void start(Recording r) {
        recording = r;
    }

    public static Recording recording() {
        return recording;
    }

    /**
     * Called on entry to the bus's publish method.
     *
     * @return the thread's context when the event is now being traced, else null (tracing off, or the same
     *     event re-entering publish through an overriding method)
     */
    public static ThreadContext publishStart(Object event) {
        Recording r = recording;
        if (r == null || event == null) {
            return null;
        }
        ThreadContext ctx = ThreadContext.current();
        if (ctx.isPublishing(event)) {
            return null;
        }
        long causation = 0;
        String source = ctx.threadName;
        if (ctx.handlerDepth > 0) {
            int h = ctx.handlerDepth - 1;
            causation = ctx.handlerEventId[h];
            source = ctx.handlerSource[h];
        }
        ctx.pushPublish(event, r.nextEventId(), causation, source, Clock.micros());
        return ctx;
    }

    /** Called on every exit from publish, normal or exceptional: the event's record goes to the ring. */
    public static void publishEnd(ThreadContext ctx) {
        if (ctx == null) {
            return;
        }
        int i = --ctx.publishDepth;
        Object event = ctx.publishEvent[i];
        ctx.publishEvent[i] = null;
        Recording r = recording;
        if (r != null) {
            long created = ctx.publishCreated[i];
            r.ring().put(event, r.correlationId(), ctx.publishId[i], ctx.publishCausation[i], ctx.publishSource[i],
                    created, created, ctx.publishReceived[i], ctx.publishProcessed[i]);
        }
    }

    /**
     * Called on entry to a handler method.
     *
     * @return the thread's context when this delivery is traced, else null (tracing off, an event this
     *     thread is not publishing, or the same event re-entering through an overriding handler)
     */
    public static ThreadContext handlerStart(Object event, Object handler) {
        if (recording == null || event == null) {
            return null;
        }
        ThreadContext ctx = ThreadContext.current();
        if (ctx.isHandling(event)) {
            return null;
        }
        int frame = ctx.publishFrameOf(event);
        if (frame < 0) {
            return null;
        }
        if (ctx.publishReceived[frame] == 0) {
            ctx.publishReceived[frame] = Clock.micros();
        }
        ctx.pushHandler(event, ctx.publishId[frame], handler.getClass().getName(), frame);
        return ctx;
    }

    /** Called on every exit from a handler: the event counts as processed when its last handler returns. */
    public static void handlerEnd(ThreadContext ctx) {
        if (ctx == null) {
            return;
        }
        int h = --ctx.handlerDepth;
        ctx.handlerEvent[h] = null;
        ctx.publishProcessed[ctx.handlerPublishFrame[h]] = Clock.micros();
    }
}
